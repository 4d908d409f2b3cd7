package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import com.netflix.graphql.dgs.client.codegen.GraphQLMultiQueryRequest;
import com.netflix.graphql.dgs.client.codegen.GraphQLQueryRequest;
import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.graphql.generated.client.AggregateGraphQLQuery;
import dev.trafficlens.graphql.generated.client.AggregateProjectionRoot;
import dev.trafficlens.graphql.generated.client.SourcesGraphQLQuery;
import dev.trafficlens.graphql.generated.client.SourcesProjectionRoot;
import dev.trafficlens.graphql.generated.client.TrafficGraphQLQuery;
import dev.trafficlens.graphql.generated.client.TrafficProjectionRoot;
import dev.trafficlens.graphql.generated.types.TrafficQuery;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The data fetchers through DGS's executor, with the real adapters against the in-process vendor sandbox; queries
 * written with the generated client API, but for the invalid input the client API would not let one write.
 */
@SpringBootTest
@SuppressWarnings("unchecked")
class TrafficDataFetcherTest {

    @Autowired
    DgsQueryExecutor dgs;

    @SuppressWarnings("unchecked")
    private static <T> T at(ExecutionResult result, String field) {
        return (T) ((Map<String, Object>) result.getData()).get(field);
    }

    @Test
    void answers_series_and_billing95_for_all_five_sources_in_one_query() {
        ExecutionResult result = dgs.execute(TrafficQueries.fiveSourcesRequest());

        assertThat(result.getErrors()).isEmpty();
        List<Map<String, Object>> traffic = at(result, "traffic");
        assertThat(traffic).extracting(entry -> entry.get("source")).containsExactly(
                "tencent.vpn-connection", "tencent.mna-region", "qingcloud.wan-access",
                "zenlayer.private-connect", "zenlayer.cloud-router");
        assertThat(traffic).extracting(entry -> entry.get("key")).containsExactly("tunnel", "mna", "sdwan", "pc", "cr");
        for (Map<String, Object> entry : traffic) {
            assertThat(entry.get("from")).isEqualTo(TrafficQueries.from().toString());
            List<Map<String, Object>> series = (List<Map<String, Object>>) entry.get("series");
            assertThat(series).isNotEmpty();
            for (Map<String, Object> one : series) {
                List<Double> values = (List<Double>) one.get("values");
                Map<String, Object> stats = (Map<String, Object>) one.get("stats");
                int expected = one.get("step").equals("5m") ? 2 * 288 : 2 * 24;
                assertThat(values).hasSize(expected);
                assertThat((int) stats.get("count") + (int) stats.get("missing")).isEqualTo(expected);
                assertThat((double) stats.get("coverage")).isGreaterThan(0.9);
            }
        }
        // Every source is billed; Tencent MNA on the bit rate derived from its 5-minute bytes.
        assertThat(traffic).extracting(entry -> entry.get("billing95"))
                .satisfiesExactly(
                        tunnel -> assertThat((Double) tunnel).isPositive(),
                        mna -> assertThat((Double) mna).isPositive(),
                        sdwan -> assertThat((Double) sdwan).isPositive(),
                        pc -> assertThat((Double) pc).isPositive(),
                        cr -> assertThat((Double) cr).isPositive());
    }

    @Test
    void billing95_under_the_default_rule_is_the_higher_direction_p95() {
        ExecutionResult result = dgs.execute(TrafficQueries.fiveSourcesRequest());

        List<Map<String, Object>> traffic = at(result, "traffic");
        Map<String, Object> pc = traffic.get(3);
        List<Map<String, Object>> series = (List<Map<String, Object>>) pc.get("series");
        double higher = series.stream()
                .map(one -> (List<Map<String, Object>>) ((Map<String, Object>) one.get("stats")).get("percentiles"))
                .mapToDouble(percentiles -> (Double) percentiles.get(1).get("value"))
                .max().orElseThrow();
        assertThat((Double) pc.get("billing95")).isEqualTo(higher);
    }

    @Test
    void validation_errors_name_every_offending_field_at_once() {
        String query = """
                query Wrong($from: DateTime!, $to: DateTime!) {
                  traffic(queries: [
                    {from: $from, to: $to, step: "7m", resource: {zenlayerPrivateConnect: {privateConnectId: "pc-1"}}}
                    {from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "pc-1"}}}
                    {from: $to, to: $from, resource: {tencentMnaRegion: {gatewayType: 7}}}
                  ]) { source }
                }""";

        ExecutionResult result = dgs.execute(query, TrafficQueries.window());

        List<Map<String, Object>> traffic = at(result, "traffic");
        assertThat(traffic.get(0)).isNull();
        assertThat(traffic.get(1)).containsEntry("source", "zenlayer.private-connect");
        assertThat(traffic.get(2)).isNull();
        assertThat(result.getErrors()).allSatisfy(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "INVALID_QUERY");
            assertThat(error.getMessage()).doesNotContain("Exception", "\tat ");
        });
        assertThat(result.getErrors()).extracting(error -> error.getExtensions().get("field"))
                .containsExactlyInAnyOrder("queries[0].step", "queries[2].resource.tencentMnaRegion.gatewayType",
                        "queries[2].to");
        assertThat(result.getErrors()).filteredOn(error -> error.getExtensions().get("field").equals("queries[2].to"))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.getPath()).containsExactly("traffic", 2);
                    assertThat(error.getMessage()).startsWith("queries[2].to: expected a time after from");
                });
    }

    @Test
    void a_malformed_date_time_is_refused_before_any_vendor_is_asked() {
        ExecutionResult result = dgs.execute("""
                { traffic(queries: [{from: "yesterday", to: "2026-01-02T00:00:00Z",
                    resource: {zenlayerPrivateConnect: {privateConnectId: "pc-1"}}}]) { source } }""");

        assertThat(result.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("from", "ISO-8601"));
    }

    @Test
    void lists_every_source_as_configured_on_the_sandbox() {
        ExecutionResult result = dgs.execute(TrafficQueries.request(new SourcesGraphQLQuery(),
                new SourcesProjectionRoot<>().id().configured().defaultStep().maxSpanPerCallSeconds()));

        List<Map<String, Object>> sources = at(result, "sources");
        assertThat(sources).hasSize(5).allSatisfy(source -> assertThat(source).containsEntry("configured", true));
        assertThat(sources).filteredOn(source -> source.get("id").equals("tencent.vpn-connection")).singleElement()
                .satisfies(source -> assertThat(source).containsEntry("maxSpanPerCallSeconds", 172800));
    }

    @Test
    void aggregate_sums_the_links_per_interval() {
        List<TrafficQuery> links = List.of(
                TrafficQueries.privateConnectQuery("pc-1"), TrafficQueries.privateConnectQuery("pc-2"));
        GraphQLMultiQueryRequest both = new GraphQLMultiQueryRequest(List.of(
                new GraphQLQueryRequest(AggregateGraphQLQuery.newRequest().queries(links).build(),
                        new AggregateProjectionRoot<>().billing95()
                                .series(Direction.IN, null).direction().parent().quantity().parent().values(),
                        TrafficQueries.SCALARS),
                new GraphQLQueryRequest(TrafficGraphQLQuery.newRequest().queries(links).build(),
                        new TrafficProjectionRoot<>().series(Direction.IN, null).values(), TrafficQueries.SCALARS)));

        ExecutionResult result = dgs.execute(both.serialize());

        assertThat(result.getErrors()).isEmpty();
        Map<String, Object> aggregate = at(result, "aggregate");
        List<Map<String, Object>> traffic = at(result, "traffic");
        List<Double> sum = (List<Double>) ((List<Map<String, Object>>) aggregate.get("series")).get(0).get("values");
        List<Double> one = firstSeriesValues(traffic.get(0));
        List<Double> two = firstSeriesValues(traffic.get(1));
        for (int i = 0; i < sum.size(); i++) {
            if (one.get(i) != null && two.get(i) != null) {
                assertThat(sum.get(i)).isEqualTo(one.get(i) + two.get(i));
            } else {
                assertThat(sum.get(i)).isNull();
            }
        }
        assertThat((Double) aggregate.get("billing95")).isPositive();
    }

    @Test
    void zenlayer_results_carry_the_vendors_own_daily_figures() {
        // A link no other test of the cached context reads: the figures come with vendor calls, and a window already
        // archived (its settled gaps included) is answered without any.
        ExecutionResult result = dgs.execute(TrafficQueries.request(
                TrafficGraphQLQuery.newRequest().queries(List.of(TrafficQueries.privateConnectQuery("pc-figures")))
                        .build(),
                new TrafficProjectionRoot<>().vendorSummaries().from().to()
                        .figures().name().direction().parent().quantity().parent().value().unit()));

        assertThat(result.getErrors()).isEmpty();
        List<Map<String, Object>> traffic = at(result, "traffic");
        List<Map<String, Object>> summaries = (List<Map<String, Object>>) traffic.get(0).get("vendorSummaries");
        assertThat(summaries).hasSize(2);
        assertThat(summaries.get(0)).containsEntry("from", TrafficQueries.from().toString());
        assertThat((List<Map<String, Object>>) summaries.get(0).get("figures"))
                .filteredOn(figure -> figure.get("name").equals("in95")).singleElement()
                .satisfies(figure -> assertThat(figure).containsEntry("direction", "IN")
                        .containsEntry("quantity", "BITRATE").containsEntry("unit", "bps"));
    }

    @SuppressWarnings("unchecked")
    private static List<Double> firstSeriesValues(Map<String, Object> entry) {
        return (List<Double>) ((List<Map<String, Object>>) entry.get("series")).get(0).get("values");
    }
}
