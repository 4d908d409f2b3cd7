package dev.trafficlens.benchmarks.load;

import java.time.Instant;

/** The GraphQL requests the load driver sends, as JSON bodies. */
final class Queries {

    static final String SOURCES = "{\"query\":\"{ sources { id vendor configured defaultStep retentionDays } }\"}";

    private Queries() {
    }

    /** One link of each of the five sources over {@code [from, to)}; {@code month} asks for billing95 only. */
    static String fiveSources(Instant from, Instant to, boolean month) {
        String fields = month
                ? "key source billing95"
                : "key source billing95 series { direction quantity unit step start values "
                + "stats(percentiles: [50, 95, 99]) { count missing coverage min max avg percentiles { p value } } }";
        String query = "query Q($from: DateTime!, $to: DateTime!) { traffic(queries: ["
                + "{key: \\\"tunnel\\\", from: $from, to: $to, resource: {tencentVpnConnection: {region: \\\"ap-guangzhou\\\", "
                + "vpcId: \\\"vpc-1\\\", vpnGwId: \\\"vpngw-1\\\", vpnConnId: \\\"vpnx-load\\\"}}} "
                + "{key: \\\"mna\\\", from: $from, to: $to, resource: {tencentMnaRegion: {gatewayType: 0, accessRegion: \\\"AP\\\"}}} "
                + "{key: \\\"sdwan\\\", from: $from, to: $to, resource: {qingcloudWan: {zone: \\\"pek3\\\", resource: \\\"wacc-load\\\", "
                + "accessType: \\\"cpe\\\"}}} "
                + "{key: \\\"pc\\\", from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: \\\"pc-load\\\"}}} "
                + "{key: \\\"cr\\\", from: $from, to: $to, resource: {zenlayerCloudRouter: {cloudRouterId: \\\"cr-load\\\", "
                + "sourceDcId: \\\"dc-a\\\", destinationDcId: \\\"dc-z\\\"}}}"
                + "]) { " + fields + " } }";
        return "{\"query\":\"" + query + "\",\"variables\":{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}}";
    }
}
