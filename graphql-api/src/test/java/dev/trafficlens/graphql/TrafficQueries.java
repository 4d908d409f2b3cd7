package dev.trafficlens.graphql;

import com.netflix.graphql.dgs.client.codegen.BaseProjectionNode;
import com.netflix.graphql.dgs.client.codegen.GraphQLQuery;
import com.netflix.graphql.dgs.client.codegen.GraphQLQueryRequest;
import dev.trafficlens.domain.stats.PercentileMethod;
import dev.trafficlens.graphql.generated.client.TrafficGraphQLQuery;
import dev.trafficlens.graphql.generated.client.TrafficProjectionRoot;
import dev.trafficlens.graphql.generated.types.QingcloudWanInput;
import dev.trafficlens.graphql.generated.types.ResourceInput;
import dev.trafficlens.graphql.generated.types.TencentMnaRegionInput;
import dev.trafficlens.graphql.generated.types.TencentVpnConnectionInput;
import dev.trafficlens.graphql.generated.types.TrafficQuery;
import dev.trafficlens.graphql.generated.types.ZenlayerCloudRouterInput;
import dev.trafficlens.graphql.generated.types.ZenlayerPrivateConnectInput;
import dev.trafficlens.graphql.scalars.DateTimeScalar;
import graphql.schema.Coercing;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The tests' queries and windows (recent days, so every source's retention holds): the generated client API's inputs
 * and {@link #request}, and query texts for the tests about the exact text sent.
 */
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

    /**
     * The five links of {@link #fiveSources} over {@link #from()} to {@link #to()}, as the generated input types: keys
     * {@code tunnel}, {@code mna} (at 5 minutes), {@code sdwan}, {@code pc} and {@code cr}.
     */
    static List<TrafficQuery> fiveSourcesInput(String id, String region) {
        return List.of(
                query("tunnel", null, ResourceInput.newBuilder().tencentVpnConnection(TencentVpnConnectionInput
                        .newBuilder().region("ap-guangzhou").vpcId("vpc-1").vpnGwId("vpngw-1").vpnConnId("vpnx-" + id)
                        .build()).build()),
                query("mna", "5m", ResourceInput.newBuilder().tencentMnaRegion(TencentMnaRegionInput.newBuilder()
                        .gatewayType(0).accessRegion(region).build()).build()),
                query("sdwan", null, ResourceInput.newBuilder().qingcloudWan(QingcloudWanInput.newBuilder()
                        .zone("pek3").resource("wacc-" + id).accessType("cpe").build()).build()),
                query("pc", null, privateConnect("pc-" + id)),
                query("cr", null, ResourceInput.newBuilder().zenlayerCloudRouter(ZenlayerCloudRouterInput.newBuilder()
                        .cloudRouterId("cr-" + id).sourceDcId("dc-a").destinationDcId("dc-z").build()).build()));
    }

    /**
     * {@link #FIVE_SOURCES} over {@link #from()} to {@link #to()}, written with the generated client API; it names
     * {@code stats}' method, as the client API writes every argument of a field it is given.
     */
    static String fiveSourcesRequest() {
        return request(TrafficGraphQLQuery.newRequest().queries(fiveSourcesInput("1", "AP")).build(),
                new TrafficProjectionRoot<>().key().source().from().to().step().billing95()
                        .series().direction().parent().quantity().parent().unit().step().start().values()
                        .stats(List.of(50.0, 95.0), PercentileMethod.NEAREST_RANK).count().missing().coverage().max()
                        .percentiles().p().value());
    }

    /** The text of a {@code traffic} query of {@code queries} asking for {@code projection}. */
    static String traffic(List<TrafficQuery> queries, TrafficProjectionRoot<?, ?> projection) {
        return request(TrafficGraphQLQuery.newRequest().queries(queries).build(), projection);
    }

    /** A Zenlayer private connect over the window, with no key. */
    static TrafficQuery privateConnectQuery(String privateConnectId) {
        return query(null, null, privateConnect(privateConnectId));
    }

    private static ResourceInput privateConnect(String privateConnectId) {
        return ResourceInput.newBuilder().zenlayerPrivateConnect(
                ZenlayerPrivateConnectInput.newBuilder().privateConnectId(privateConnectId).build()).build();
    }

    private static TrafficQuery query(String key, String step, ResourceInput resource) {
        return TrafficQuery.newBuilder().key(key).from(from()).to(to()).step(step).resource(resource).build();
    }

    /** The text of {@code query} asking for {@code projection}, its date-times written by the service's own scalar. */
    static String request(GraphQLQuery query, BaseProjectionNode projection) {
        return new GraphQLQueryRequest(query, projection, SCALARS).serialize();
    }

    /** How the generated client API writes the schema's scalars: {@code DateTime} as the service reads it. */
    static final Map<Class<?>, Coercing<?, ?>> SCALARS = Map.of(Instant.class, new DateTimeScalar());

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
