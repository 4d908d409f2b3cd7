package dev.trafficlens.graphql;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** GraphQL query texts and windows for the tests: recent days, so every source's retention holds. */
final class TrafficQueries {

    /** One link on each of the five sources, with series, stats and billing95. */
    static final String FIVE_SOURCES = fiveSources("1", "AP", """
            key source from to step
            billing95
            series { direction quantity unit step start values
                     stats(percentiles: [50, 95]) { count missing coverage max percentiles { p value } } }""");

    /**
     * One link on each of the five sources, named {@code vpnx-<id>}, {@code wacc-<id>}, {@code pc-<id>} and
     * {@code cr-<id>} (MNA by its {@code region}, at 5 minutes so that it has a bit rate to bill), asking
     * {@code fields} of each result.
     */
    static String fiveSources(String id, String region, String fields) {
        return """
                query FiveSources($from: DateTime!, $to: DateTime!) {
                  traffic(queries: [
                    {key: "tunnel", from: $from, to: $to, resource: {tencentVpnConnection:
                      {region: "ap-guangzhou", vpcId: "vpc-1", vpnGwId: "vpngw-1", vpnConnId: "vpnx-%1$s"}}}
                    {key: "mna", from: $from, to: $to, step: "5m", resource: {tencentMnaRegion: {gatewayType: 0, accessRegion: "%2$s"}}}
                    {key: "sdwan", from: $from, to: $to, resource: {qingcloudWan: {zone: "pek3", resource: "wacc-%1$s", accessType: "cpe"}}}
                    {key: "pc", from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "pc-%1$s"}}}
                    {key: "cr", from: $from, to: $to, resource: {zenlayerCloudRouter:
                      {cloudRouterId: "cr-%1$s", sourceDcId: "dc-a", destinationDcId: "dc-z"}}}
                  ]) {
                    %3$s
                  }
                }""".formatted(id, region, fields);
    }

    private TrafficQueries() {
    }

    /** {@link #from()} and {@link #to()} as a query's {@code $from} and {@code $to}. */
    static Map<String, Object> window() {
        return Map.of("from", from().toString(), "to", to().toString());
    }

    /** The two whole UTC days before today. */
    static Instant from() {
        return to().minus(Duration.ofDays(2));
    }

    static Instant to() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS);
    }
}
