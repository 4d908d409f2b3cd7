package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.trafficlens.sandbox.Credentials;
import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.VendorSandbox;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a dashboard sees when one vendor misbehaves (sandbox fault injection, over HTTP): that vendor's entries fail
 * with the right code within the configured deadline, the other entries are complete, the answer is HTTP 200 with no
 * stack trace, and no vendor secret reaches the logs or the response.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "trafficlens.retry.max-attempts=3",
        "trafficlens.retry.deadline=4s",
        "trafficlens.timeouts.request=500ms",
        "trafficlens.circuit-breaker.enabled=false",
        "logging.level.dev.trafficlens=DEBUG",
        "logging.level.org.springframework.web=DEBUG"})
class VendorFaultsOverHttpTest {

    /** The deadline plus time for a query's other work on a busy 2-core machine; a hang would take far longer. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(12);


    @Autowired
    VendorSandbox sandbox;

    private final ServiceClient service;

    VendorFaultsOverHttpTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    @RegisterExtension
    final NoSecretInTheLogs logs = new NoSecretInTheLogs();

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
        // The capture holds the DEBUG lines of the request (so the log check has something to look at).
        assertThat(logs.output()).contains("POST \"/graphql\"");
    }

    @Test
    void a_vendor_failing_every_call_fails_its_entries_alone_after_bounded_retries() throws Exception {
        sandbox.faults().add(FaultRule.forResources("wacc-5xx", FaultRule.Kind.SERVER_ERROR));
        long before = sandbox.calls().of("GetWanMonitor");

        Answer answer = ask(qingCloud("wacc-5xx"), zenlayer("pc-beside-5xx"));

        answer.failedAlone(0, "VENDOR_UNAVAILABLE", "qingcloud.wan-access");
        assertThat(answer.message(0)).contains("gave up after 3 attempts");
        // Two one-day calls, three attempts each.
        assertThat(sandbox.calls().of("GetWanMonitor") - before).isEqualTo(6);
    }

    @Test
    void throttling_is_retried_with_the_vendors_retry_after_then_reported_as_rate_limited() throws Exception {
        sandbox.faults().add(FaultRule.forResources("vpnx-throttled", FaultRule.Kind.THROTTLED));

        Answer answer = ask(tencentVpc("vpnx-throttled"), zenlayer("pc-beside-429"));

        answer.failedAlone(0, "RATE_LIMITED", "tencent.vpn-connection");
    }

    @Test
    void a_vendor_throttling_in_its_own_envelope_is_rate_limited_too() throws Exception {
        sandbox.faults().add(FaultRule.forResources("wacc-quota", FaultRule.Kind.THROTTLED));

        Answer answer = ask(qingCloud("wacc-quota"), zenlayer("pc-beside-quota"));

        answer.failedAlone(0, "RATE_LIMITED", "qingcloud.wan-access");
    }

    @Test
    void a_vendor_that_never_answers_is_unavailable_within_the_deadline_without_leaking_threads_or_connections()
            throws Exception {
        sandbox.faults().add(FaultRule.forResources("pc-silent", FaultRule.Kind.TIMEOUT));
        ask(zenlayer("pc-warm"), qingCloud("wacc-warm"));
        long threadsBefore = serviceThreads();
        long connectionsBefore = LoopbackConnections.establishedTo(sandbox.port());

        Answer answer = ask(zenlayer("pc-silent"), qingCloud("wacc-beside-timeout"));

        answer.failedAlone(0, "VENDOR_UNAVAILABLE", "zenlayer.private-connect");
        assertThat(answer.message(0)).containsAnyOf("did not answer within 500 ms", "deadline");
        assertThat(serviceThreads()).isLessThanOrEqualTo(threadsBefore + 4);
        // Three attempts timed out; the client closed each connection rather than keep it.
        if (LoopbackConnections.countable()) {
            assertThat(LoopbackConnections.establishedTo(sandbox.port())).isLessThanOrEqualTo(connectionsBefore + 1);
        }
    }

    @Test
    void a_connection_closed_without_an_answer_is_unavailable_without_leaking_threads_or_connections()
            throws Exception {
        sandbox.faults().add(FaultRule.forResources("pc-reset-.*", FaultRule.Kind.DISCONNECT));
        ask(zenlayer("pc-warm"), qingCloud("wacc-warm"));
        long threadsBefore = serviceThreads();
        long connectionsBefore = LoopbackConnections.establishedTo(sandbox.port());

        for (int i = 0; i < 5; i++) {
            ask(zenlayer("pc-reset-" + i), qingCloud("wacc-beside-reset-" + i)).failedAlone(0, "VENDOR_UNAVAILABLE",
                    "zenlayer.private-connect");
        }

        assertThat(serviceThreads()).isLessThanOrEqualTo(threadsBefore + 4);
        if (LoopbackConnections.countable()) {
            assertThat(LoopbackConnections.establishedTo(sandbox.port())).isLessThanOrEqualTo(connectionsBefore + 2);
        }
    }

    @Test
    void an_answer_that_is_not_json_is_a_malformed_response() throws Exception {
        sandbox.faults().add(FaultRule.forResources("pc-garbled", FaultRule.Kind.MALFORMED));

        ask(zenlayer("pc-garbled"), qingCloud("wacc-beside-garbled"))
                .failedAlone(0, "MALFORMED_RESPONSE", "zenlayer.private-connect");
    }

    @Test
    void an_answer_cut_short_is_a_malformed_response() throws Exception {
        sandbox.faults().add(FaultRule.forResources("wacc-cut", FaultRule.Kind.TRUNCATED));

        ask(qingCloud("wacc-cut"), zenlayer("pc-beside-cut"))
                .failedAlone(0, "MALFORMED_RESPONSE", "qingcloud.wan-access");
    }

    /** Live threads but the in-process sandbox's workers, which stand for the vendors. */
    private static long serviceThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !thread.getName().equals("vendor-sandbox"))
                .count();
    }

    /** The response to a two-entry query whose first entry is the faulty one. */
    private record Answer(HttpResponse<String> response) {

        void failedAlone(int index, String code, String source) {
            String body = response.body();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<Object>read(body, "$.data.traffic[" + index + "]")).isNull();
            assertThat(JsonPath.<Object>read(body, "$.data.traffic[" + (1 - index) + "].source")).isNotNull();
            assertThat(JsonPath.<List<Integer>>read(body, "$.data.traffic[" + (1 - index) + "].series[*].stats.count"))
                    .isNotEmpty().allSatisfy(count -> assertThat(count).isPositive());
            assertThat(JsonPath.<List<Object>>read(body, "$.errors")).hasSize(1);
            assertThat(JsonPath.<List<Object>>read(body, "$.errors[0].path")).containsExactly("traffic", index);
            assertThat(JsonPath.<Map<String, Object>>read(body, "$.errors[0].extensions"))
                    .containsEntry("code", code).containsEntry("source", source);
            assertThat(body).doesNotContain("Exception", "\\tat ", Credentials.DEFAULT.accessKeySecret());
        }

        String message(int index) {
            return JsonPath.read(response.body(), "$.errors[0].message");
        }
    }

    private Answer ask(String faulty, String healthy) throws Exception {
        String query = "query Q($from: DateTime!, $to: DateTime!) { traffic(queries: [" + faulty + " " + healthy
                + "]) { source series { stats { count } } } }";
        HttpResponse<String> response = service.send(service.graphqlRequest().timeout(ANSWERED_WITHIN)
                .POST(HttpRequest.BodyPublishers.ofString(ServiceClient.body(query, TrafficQueries.window()))));
        return new Answer(response);
    }

    private static String qingCloud(String id) {
        return "{from: $from, to: $to, resource: {qingcloudWan: {zone: \"pek3\", resource: \"" + id
                + "\", accessType: \"cpe\"}}}";
    }

    private static String zenlayer(String id) {
        return "{from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: \"" + id + "\"}}}";
    }

    private static String tencentVpc(String id) {
        return "{from: $from, to: $to, resource: {tencentVpnConnection: {region: \"ap-guangzhou\", vpcId: \"vpc-1\", "
                + "vpnGwId: \"vpngw-1\", vpnConnId: \"" + id + "\"}}}";
    }
}
