package dev.trafficlens.domain.model;

import io.vavr.control.Validation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tencent Cloud Multi-Network Aggregation traffic of one gateway type (0 public cloud, 1 private) in one access region
 * ({@code MC}, {@code AP}, {@code EU}, {@code AM}), or in all regions when the region is empty.
 */
public record TencentMnaRegion(int gatewayType, Optional<String> accessRegion) implements ResourceRef {

    public static final Set<String> ACCESS_REGIONS = Set.of("MC", "AP", "EU", "AM");

    public TencentMnaRegion {
        checks(gatewayType, accessRegion).throwIfAny("TencentMnaRegion");
    }

    public static Validation<List<QueryProblem>, TencentMnaRegion> validate(int gatewayType, Optional<String> accessRegion) {
        return checks(gatewayType, accessRegion).toValidation(() -> new TencentMnaRegion(gatewayType, accessRegion));
    }

    /** All access regions of one gateway type. */
    public static TencentMnaRegion allRegions(int gatewayType) {
        return new TencentMnaRegion(gatewayType, Optional.empty());
    }

    private static FieldChecks checks(int gatewayType, Optional<String> accessRegion) {
        FieldChecks checks = new FieldChecks();
        if (gatewayType != 0 && gatewayType != 1) {
            checks.add("gatewayType", "expected 0 (public cloud gateway) or 1 (private gateway), got " + gatewayType);
        }
        return checks.optionalOneOf("accessRegion", accessRegion, ACCESS_REGIONS);
    }

    @Override
    public Source source() {
        return Source.TENCENT_MNA_REGION;
    }
}
