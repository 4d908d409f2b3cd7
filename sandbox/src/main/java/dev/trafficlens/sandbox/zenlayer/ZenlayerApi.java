package dev.trafficlens.sandbox.zenlayer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The two sdn actions simulated, with the id parameters each requires (in the order they are checked). */
enum ZenlayerApi {
    PRIVATE_CONNECT("DescribePrivateConnectTraffic", List.of("privateConnectId")),
    CLOUD_ROUTER("DescribeCloudRouterDCToDCTraffic", List.of("cloudRouterId", "sourceDcId", "destinationDcId"));

    private final String action;
    private final List<String> idParameters;

    ZenlayerApi(String action, List<String> idParameters) {
        this.action = action;
        this.idParameters = idParameters;
    }

    String action() {
        return action;
    }

    List<String> idParameters() {
        return idParameters;
    }

    static Optional<ZenlayerApi> byAction(String action) {
        return Arrays.stream(values()).filter(api -> api.action.equals(action)).findFirst();
    }

    /**
     * The vendor's answer when the resource named by {@code parameter} does not exist. The cloud router page documents
     * only the data centre's code; for an unknown cloud router the simulator uses the common
     * OPERATION_FAILED_RESOURCE_NOT_FOUND.
     */
    ZenlayerError notFound(String parameter) {
        return switch (parameter) {
            case "privateConnectId" -> ZenlayerError.INVALID_PRIVATE_CONNECT_NOT_FOUND;
            case "sourceDcId", "destinationDcId" -> ZenlayerError.INVALID_DATACENTER_NOT_FOUND;
            default -> ZenlayerError.OPERATION_FAILED_RESOURCE_NOT_FOUND;
        };
    }

    /** The TrafficModel resource: the private connect id, or {@code cloudRouterId:sourceDcId:destinationDcId}. */
    static String resourceId(List<String> ids) {
        return String.join(":", ids);
    }
}
