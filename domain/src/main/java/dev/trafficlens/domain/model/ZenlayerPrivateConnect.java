package dev.trafficlens.domain.model;

import io.vavr.control.Validation;
import java.util.List;

/** A Zenlayer layer-2 private connect, by the id DescribePrivateConnectTraffic takes. */
public record ZenlayerPrivateConnect(String privateConnectId) implements ResourceRef {

    public ZenlayerPrivateConnect {
        checks(privateConnectId).throwIfAny("ZenlayerPrivateConnect");
    }

    public static Validation<List<QueryProblem>, ZenlayerPrivateConnect> validate(String privateConnectId) {
        return checks(privateConnectId).toValidation(() -> new ZenlayerPrivateConnect(privateConnectId));
    }

    private static FieldChecks checks(String privateConnectId) {
        return new FieldChecks().identifier("privateConnectId", privateConnectId);
    }

    @Override
    public Source source() {
        return Source.ZENLAYER_PRIVATE_CONNECT;
    }
}
