package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
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
 * {@code trafficlens.sources.<name>.rate-limit} and {@code .max-concurrent-calls}: the operator's limits reach the
 * vendor (counted at the sandbox) and {@code Query.sources} reports them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "trafficlens.sources.zenlayer.max-concurrent-calls=2",
        "trafficlens.sources.qingcloud.rate-limit=2",
        "trafficlens.sandbox.faults=NONE:150@pc-limits"})
class SourceLimitsOverHttpTest {

    @Autowired
    VendorSandbox sandbox;

    private final ServiceClient service;

    SourceLimitsOverHttpTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    @Test
    void sources_report_the_limits_the_service_keeps_to() throws Exception {
        String body = service.post("{ sources { id rateLimitPerSecond rateLimitDocumented maxConcurrentCalls } }",
                Map.of()).body();

        assertThat(JsonPath.<List<Object>>read(body, "$.data.sources[*].rateLimitPerSecond"))
                .containsExactly(10.0, 20.0, 2.0, 10.0, 10.0);
        assertThat(JsonPath.<List<Boolean>>read(body, "$.data.sources[*].rateLimitDocumented"))
                .containsExactly(false, true, false, false, false);
        assertThat(JsonPath.<List<Integer>>read(body, "$.data.sources[*].maxConcurrentCalls"))
                .containsExactly(8, 8, 8, 2, 2);
    }

    @Test
    void a_source_never_has_more_calls_in_flight_than_its_own_bound() throws Exception {
        Instant to = Instant.now().truncatedTo(ChronoUnit.DAYS);

        HttpResponse<String> response = service.post(query("zenlayerPrivateConnect: {privateConnectId: \"pc-limits\"}"),
                Map.of("from", to.minus(Duration.ofDays(10)).toString(), "to", to.toString()));

        assertThat(response.body()).doesNotContain("\"errors\"");
        assertThat(sandbox.calls().of("DescribePrivateConnectTraffic")).isGreaterThanOrEqualTo(10);
        // Ten one-day calls of 150 ms each, two at a time.
        assertThat(sandbox.calls().peakInFlight("DescribePrivateConnectTraffic")).isEqualTo(2);
    }

    @Test
    void a_source_is_called_no_faster_than_its_own_rate_limit() throws Exception {
        Instant to = Instant.now().truncatedTo(ChronoUnit.DAYS);
        long started = System.nanoTime();

        HttpResponse<String> response = service.post(
                query("qingcloudWan: {zone: \"pek3\", resource: \"wacc-limits\", accessType: \"cpe\"}"),
                Map.of("from", to.minus(Duration.ofDays(6)).toString(), "to", to.toString()));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.body()).doesNotContain("\"errors\"");
        // Six one-day calls at two a second: two at once, then one every half second.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    private static String query(String resource) {
        return """
                query Q($from: DateTime!, $to: DateTime!) {
                  traffic(queries: [{from: $from, to: $to, resource: {%s}}]) { source series { values } }
                }""".formatted(resource);
    }
}
