package dev.trafficlens.benchmarks.load;

import java.time.Instant;

/** The GraphQL requests the load driver sends, as JSON bodies. */
final class Queries {

    static final String SOURCES = "{\"query\":\"{ sources { id vendor configured defaultStep retentionDays } }\"}";

    private Queries() {
    }

    /**
     * One link of each of the five sources over {@code [from, to)}; {@code month} asks for billing95 only; links of
     * another {@code name} are other resources (for MNA, whose regions are few, another window is needed too). MNA is
     * asked at 5 minutes: its derived bit rate is what billing95 needs (hourly, it would answer an INVALID_QUERY).
     */
    static String fiveSources(Instant from, Instant to, boolean month, String name) {
        String fields = month
                ? "key source billing95"
                : "key source billing95 series { direction quantity unit step start values "
                + "stats(percentiles: [50, 95, 99]) { count missing coverage min max avg percentiles { p value } } }";
        String query = "query Q($from: DateTime!, $to: DateTime!) { traffic(queries: ["
                + "{key: \\\"tunnel\\\", from: $from, to: $to, resource: {tencentVpnConnection: {region: \\\"ap-guangzhou\\\", "
                + "vpcId: \\\"vpc-1\\\", vpnGwId: \\\"vpngw-1\\\", vpnConnId: \\\"vpnx-" + name + "\\\"}}} "
                + "{key: \\\"mna\\\", from: $from, to: $to, step: \\\"5m\\\", resource: {tencentMnaRegion: {gatewayType: 0, accessRegion: \\\"AP\\\"}}} "
                + "{key: \\\"sdwan\\\", from: $from, to: $to, resource: {qingcloudWan: {zone: \\\"pek3\\\", resource: \\\"wacc-" + name + "\\\", "
                + "accessType: \\\"cpe\\\"}}} "
                + "{key: \\\"pc\\\", from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: \\\"pc-" + name + "\\\"}}} "
                + "{key: \\\"cr\\\", from: $from, to: $to, resource: {zenlayerCloudRouter: {cloudRouterId: \\\"cr-" + name + "\\\", "
                + "sourceDcId: \\\"dc-a\\\", destinationDcId: \\\"dc-z\\\"}}}"
                + "]) { " + fields + " } }";
        return "{\"query\":\"" + query + "\",\"variables\":{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}}";
    }
}
