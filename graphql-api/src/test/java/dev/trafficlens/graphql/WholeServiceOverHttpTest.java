package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.sandbox.VendorSandbox;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service as a dashboard meets it: JSON over HTTP to the running application on its in-process sandbox, with
 * the questions users ask most: a month of every link, one broken link among healthy ones, and a mistyped query
 * (the same dashboard reloaded is {@link CacheTest}'s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WholeServiceOverHttpTest {

    private static final String THIRTY_DAYS = TrafficQueries.fiveSources("http", "EU", """
            key source from to step billing95
            series { direction quantity unit step start values stats { count missing coverage } }""");


    @Autowired
    VendorSandbox sandbox;

    private final ServiceClient service;

    WholeServiceOverHttpTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    @Test
    void thirty_days_of_five_sources_in_one_request() throws Exception {
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant from = to.minus(Duration.ofDays(30));

        HttpResponse<String> response = service.post(THIRTY_DAYS, Map.of("from", from.toString(), "to", to.toString()));

        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).doesNotContain("\"errors\"");
        assertThat(JsonPath.<List<String>>read(body, "$.data.traffic[*].source")).containsExactly(
                "tencent.vpn-connection", "tencent.mna-region", "qingcloud.wan-access", "zenlayer.private-connect",
                "zenlayer.cloud-router");
        List<Double> billing = JsonPath.read(body, "$.data.traffic[*].billing95");
        assertThat(billing).hasSize(5);
        // Tencent MNA counts bytes; at 5 minutes it is billed on the bit rate derived from them, like the others.
        assertThat(billing).allSatisfy(p95 -> assertThat(p95).isPositive());
        assertThat(JsonPath.<List<String>>read(body, "$.data.traffic[1].series[*].unit"))
                .containsExactly("bps", "bps", "bps", "B", "B", "B");
        for (int i = 0; i < 5; i++) {
            String step = JsonPath.read(body, "$.data.traffic[" + i + "].step");
            long slots = Duration.ofDays(30).toSeconds() / seconds(step);
            List<List<Object>> values = JsonPath.read(body, "$.data.traffic[" + i + "].series[*].values");
            assertThat(values).as("traffic[%d] series", i).isNotEmpty()
                    .allSatisfy(series -> assertThat(series).hasSize((int) slots));
            List<Double> coverage = JsonPath.read(body, "$.data.traffic[" + i + "].series[*].stats.coverage");
            // The last hour lies in the future and the first slots at the retention edge may be gone: both are gaps.
            assertThat(coverage).as("traffic[%d] coverage", i).allSatisfy(c -> assertThat(c).isBetween(0.95, 1.0));
        }
    }

    @Test
    void a_failing_link_among_healthy_ones_is_null_at_its_index_with_its_error() throws Exception {
        String query = """
                query Mixed($from: DateTime!, $to: DateTime!) {
                  traffic(queries: [
                    {from: $from, to: $to, step: "5m", resource: {tencentMnaRegion: {gatewayType: 0, accessRegion: "AP"}}}
                    {from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "missing-http"}}}
                    {from: $from, to: $to, resource: {qingcloudWan: {zone: "pek3", resource: "wacc-1", accessType: "cpe"}}}
                  ]) { source billing95 }
                }""";

        HttpResponse<String> response = service.post(query, TrafficQueries.window());

        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(JsonPath.<List<Object>>read(body, "$.data.traffic")).hasSize(3);
        assertThat(JsonPath.<String>read(body, "$.data.traffic[0].source")).isEqualTo("tencent.mna-region");
        assertThat(JsonPath.<Object>read(body, "$.data.traffic[1]")).isNull();
        assertThat(JsonPath.<String>read(body, "$.data.traffic[2].source")).isEqualTo("qingcloud.wan-access");
        assertThat(JsonPath.<List<Object>>read(body, "$.errors")).hasSize(1);
        assertThat(JsonPath.<List<Object>>read(body, "$.errors[0].path")).containsExactly("traffic", 1);
        Map<String, Object> extensions = JsonPath.read(body, "$.errors[0].extensions");
        assertThat(extensions).containsEntry("code", "NOT_FOUND")
                .containsEntry("errorType", "NOT_FOUND")
                .containsEntry("source", "zenlayer.private-connect")
                .containsEntry("vendorCode", "INVALID_PRIVATE_CONNECT_NOT_FOUND")
                .containsEntry("failedCalls", 2)
                .containsKey("requestId");
        assertThat(JsonPath.<String>read(body, "$.errors[0].message")).contains("missing-http")
                .doesNotContain("Exception", "\tat ");
        assertThat(body).doesNotContain("Exception", "\\tat ", sandbox.credentials().accessKeySecret());
    }

    @Test
    void a_month_of_an_unknown_link_costs_at_most_the_calls_in_flight_and_the_link_beside_it_is_complete()
            throws Exception {
        String query = """
                query Month($from: DateTime!, $to: DateTime!) {
                  traffic(queries: [
                    {from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "missing-month"}}}
                    {from: $from, to: $to, resource: {zenlayerCloudRouter:
                      {cloudRouterId: "cr-month", sourceDcId: "dc-a", destinationDcId: "dc-z"}}}
                  ]) { source series { direction values } }
                }""";
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant from = to.minus(Duration.ofDays(30));
        long unknownBefore = sandbox.calls().of("DescribePrivateConnectTraffic");
        long routerBefore = sandbox.calls().of("DescribeCloudRouterDCToDCTraffic");

        HttpResponse<String> response = service.post(query, Map.of("from", from.toString(), "to", to.toString()));

        long unknownCalls = sandbox.calls().of("DescribePrivateConnectTraffic") - unknownBefore;
        long routerCalls = sandbox.calls().of("DescribeCloudRouterDCToDCTraffic") - routerBefore;
        String body = response.body();
        // Both links' windows are planned alike: a call a day, today's last hours in the future left out.
        assertThat(routerCalls).isBetween(29L, 31L);
        assertThat(unknownCalls).as("vendor calls for the unknown link")
                .isBetween(1L, (long) QuerySettings.DEFAULTS.maxConcurrentCallsPerSource());
        assertThat(JsonPath.<Object>read(body, "$.data.traffic[0]")).isNull();
        assertThat(JsonPath.<List<Object>>read(body, "$.errors")).hasSize(1);
        assertThat(JsonPath.<List<Object>>read(body, "$.errors[0].path")).containsExactly("traffic", 0);
        Map<String, Object> extensions = JsonPath.read(body, "$.errors[0].extensions");
        assertThat(extensions).containsEntry("code", "NOT_FOUND").containsEntry("errorType", "NOT_FOUND")
                .containsEntry("failedCalls", (int) unknownCalls)
                .containsEntry("cancelledCalls", (int) (routerCalls - unknownCalls));
        List<List<Object>> values = JsonPath.read(body, "$.data.traffic[1].series[*].values");
        assertThat(values).hasSize(2).allSatisfy(series -> assertThat(series).hasSize(30 * 288));
    }

    @Test
    void a_mistyped_query_names_every_field_at_fault_and_shows_no_stack_trace() throws Exception {
        String query = """
                query Wrong($from: DateTime!, $to: DateTime!) {
                  traffic(queries: [
                    {from: $to, to: $from, resource: {zenlayerPrivateConnect: {privateConnectId: "pc-1"}}}
                    {from: $from, to: $to, step: "1m", resource: {zenlayerPrivateConnect: {privateConnectId: "pc-1"}}}
                    {from: $from, to: $to, resource: {qingcloudWan: {zone: "pek3", resource: "wacc-1", accessType: "cpe"}}}
                  ]) { source }
                }""";

        HttpResponse<String> response = service.post(query, TrafficQueries.window());

        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(JsonPath.<List<Object>>read(body, "$.data.traffic[0:2]")).containsExactly(null, null);
        assertThat(JsonPath.<String>read(body, "$.data.traffic[2].source")).isEqualTo("qingcloud.wan-access");
        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.field"))
                .containsExactlyInAnyOrder("queries[0].to", "queries[1].step");
        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].message"))
                .anySatisfy(message -> assertThat(message).startsWith("queries[0].to: expected a time after from"))
                .anySatisfy(message -> assertThat(message).startsWith("queries[1].step: ").contains("5m"));
        assertThat(body).doesNotContain("Exception", "\\tat ");
    }

    @Test
    void a_value_of_the_wrong_type_is_refused_before_any_vendor_call() throws Exception {
        long before = sandbox.calls().total();

        HttpResponse<String> response = service.post(TrafficQueries.FIVE_SOURCES, Map.of("from", "yesterday", "to", "now"));

        String body = response.body();
        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].message"))
                .anySatisfy(message -> assertThat(message).contains("from", "yesterday"));
        assertThat(body).doesNotContain("Exception", "\\tat ");
        assertThat(sandbox.calls().total()).isEqualTo(before);
    }

    private static long seconds(String step) {
        long amount = Long.parseLong(step.substring(0, step.length() - 1));
        return switch (step.charAt(step.length() - 1)) {
            case 'm' -> amount * 60;
            case 'h' -> amount * 3600;
            case 'd' -> amount * 86400;
            default -> throw new IllegalArgumentException(step);
        };
    }
}
