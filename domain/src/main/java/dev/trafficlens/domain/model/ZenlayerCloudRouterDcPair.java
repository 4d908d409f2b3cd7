package dev.trafficlens.domain.model;

import io.vavr.control.Validation;
import java.util.List;

/**
 * Traffic of a Zenlayer layer-3 cloud router from one data centre to another, summed over all access points in the
 * source data centre (the vendor cannot split it per access point).
 */
public record ZenlayerCloudRouterDcPair(String cloudRouterId, String sourceDcId, String destinationDcId)
        implements ResourceRef {

    public ZenlayerCloudRouterDcPair {
        checks(cloudRouterId, sourceDcId, destinationDcId).throwIfAny("ZenlayerCloudRouterDcPair");
    }

    public static Validation<List<QueryProblem>, ZenlayerCloudRouterDcPair> validate(
            String cloudRouterId, String sourceDcId, String destinationDcId) {
        return checks(cloudRouterId, sourceDcId, destinationDcId)
                .toValidation(() -> new ZenlayerCloudRouterDcPair(cloudRouterId, sourceDcId, destinationDcId));
    }

    private static FieldChecks checks(String cloudRouterId, String sourceDcId, String destinationDcId) {
        return new FieldChecks()
                .identifier("cloudRouterId", cloudRouterId)
                .identifier("sourceDcId", sourceDcId)
                .identifier("destinationDcId", destinationDcId);
    }

    @Override
    public Source source() {
        return Source.ZENLAYER_CLOUD_ROUTER;
    }
}
