package dev.trafficlens.benchmarks.load;

import java.time.Instant;

/** The GraphQL requests the load driver sends, as JSON bodies. */
final class Queries {

    static final String SOURCES = "{\"query\":\"{ sources { id vendor configured defaultStep retentionDays } }\"}";

    private Queries() {
    }

    /**
     * One link of each of the five sources over {@code [from, to)}; {@code month} asks for billing95 only; links of
     * another {@code name} are other resources (MNA's only eight may coincide: {@link #fiveResources}). MNA is
     * asked at 5 minutes: its derived bit rate is what billing95 needs (hourly, it would answer an INVALID_QUERY).
     */
    static String fiveSources(Instant from, Instant to, boolean month, String name) {
        String fields = month
                ? "key source billing95"
                : "key source billing95 series { direction quantity unit step start values "
                + "stats(percentiles: [50, 95, 99]) { count missing coverage min max avg percentiles { p value } } }";
        StringBuilder queries = new StringBuilder();
        for (String[] resource : fiveResources(name)) {
            queries.append("{key: \\\"").append(resource[0]).append("\\\", from: $from, to: $to, ")
                    .append(resource[0].equals("mna") ? "step: \\\"5m\\\", " : "")
                    .append("resource: ").append(resource[1]).append("} ");
        }
        String query = "query Q($from: DateTime!, $to: DateTime!) { traffic(queries: [" + queries + "]) { "
                + fields + " } }";
        return "{\"query\":\"" + query + "\",\"variables\":{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}}";
    }

    /** The five resources of {@link #fiveSources} registered as links, so that the collector and warm-up know them. */
    static String fiveLinks(String name) {
        StringBuilder mutations = new StringBuilder();
        for (String[] resource : fiveResources(name)) {
            mutations.append(resource[0]).append(": addLink(input: {name: \\\"").append(name).append(' ')
                    .append(resource[0]).append("\\\", resource: ").append(resource[1]).append("}) { id } ");
        }
        return "{\"query\":\"mutation { " + mutations + "}\"}";
    }

    /**
     * Each source's key and resource input literal (its JSON escaping included), one link of each. MNA has only eight
     * resources (gateway type × access region), one picked by the name's hash: "warm" and "restart" get different ones.
     */
    private static String[][] fiveResources(String name) {
        int mna = Math.floorMod(name.hashCode(), 8);
        String[] regions = {"MC", "AP", "EU", "AM"};
        return new String[][] {
                {"tunnel", "{tencentVpnConnection: {region: \\\"ap-guangzhou\\\", vpcId: \\\"vpc-1\\\", "
                        + "vpnGwId: \\\"vpngw-1\\\", vpnConnId: \\\"vpnx-" + name + "\\\"}}"},
                {"mna", "{tencentMnaRegion: {gatewayType: " + mna / 4 + ", accessRegion: \\\"" + regions[mna % 4]
                        + "\\\"}}"},
                {"sdwan", "{qingcloudWan: {zone: \\\"pek3\\\", resource: \\\"wacc-" + name + "\\\", "
                        + "accessType: \\\"cpe\\\"}}"},
                {"pc", "{zenlayerPrivateConnect: {privateConnectId: \\\"pc-" + name + "\\\"}}"},
                {"cr", "{zenlayerCloudRouter: {cloudRouterId: \\\"cr-" + name + "\\\", "
                        + "sourceDcId: \\\"dc-a\\\", destinationDcId: \\\"dc-z\\\"}}"},
        };
    }
}
