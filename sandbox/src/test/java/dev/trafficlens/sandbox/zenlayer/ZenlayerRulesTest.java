package dev.trafficlens.sandbox.zenlayer;

import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.CLOUD_ROUTER;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.PRIVATE_CONNECT;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.cloudRouter;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.privateConnect;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerSimulatorTest.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.VendorSandbox;
import dev.trafficlens.sandbox.zenlayer.ZenlayerCall.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented rules of both actions, each answered with Zenlayer's code under its HTTP status. */
class ZenlayerRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");

    private static VendorSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void a_missing_private_connect_id_is_a_missing_parameter() throws Exception {
        assertAnswer(send(PRIVATE_CONNECT, "{\"startTime\":\"2026-01-01T10:00:00Z\"}"), 400, "MISSING_PARAMETER");
        assertAnswer(send(PRIVATE_CONNECT, privateConnect("", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z")),
                400, "MISSING_PARAMETER");
    }

    @Test
    void a_missing_start_time_is_a_missing_parameter() throws Exception {
        assertAnswer(send(PRIVATE_CONNECT, "{\"privateConnectId\":\"pc-1\",\"endTime\":\"2026-01-01T11:00:00Z\"}"),
                400, "MISSING_PARAMETER");
    }

    @Test
    void a_cloud_router_call_needs_router_source_and_destination() throws Exception {
        assertAnswer(send(CLOUD_ROUTER, "{\"cloudRouterId\":\"cr-1\",\"sourceDcId\":\"dc-a\","
                + "\"startTime\":\"2026-01-01T10:00:00Z\"}"), 400, "MISSING_PARAMETER");
    }

    @Test
    void an_id_that_is_not_a_string_is_an_invalid_parameter_type() throws Exception {
        assertAnswer(send(PRIVATE_CONNECT, "{\"privateConnectId\":42,\"startTime\":\"2026-01-01T10:00:00Z\"}"),
                400, "INVALID_PARAMETER_TYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", ""})
    void a_body_that_is_not_a_json_object_is_an_invalid_parameter_value(String body) throws Exception {
        assertAnswer(send(PRIVATE_CONNECT, body), 400, "INVALID_PARAMETER_VALUE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-01-01 10:00:00\"", "\"2026-01-01T10:00:00+08:00\"", "\"2026-01-01T10:00:00.000Z\"",
            "\"2026-01-01T10:00Z\"", "\"2026-02-30T10:00:00Z\"", "\"2026-01-01\"", "\"\"", "1767261600"})
    void a_start_time_not_in_the_documented_format_is_an_invalid_time_format(String startTime) throws Exception {
        assertAnswer(send(PRIVATE_CONNECT, "{\"privateConnectId\":\"pc-1\",\"startTime\":" + startTime
                + ",\"endTime\":\"2026-01-01T11:00:00Z\"}"), 403, "INVALID_TIME_FORMAT");
    }

    @Test
    void an_end_time_not_in_the_documented_format_is_an_invalid_time_format() throws Exception {
        assertAnswer(send(CLOUD_ROUTER, cloudRouter("cr-1", "dc-a", "dc-z", "2026-01-01T10:00:00Z",
                "2026-01-01T11:00:00z")), 403, "INVALID_TIME_FORMAT");
    }

    @Test
    void a_start_time_not_before_the_end_time_is_refused() throws Exception {
        assertAnswer(send(PRIVATE_CONNECT, privateConnect("pc-1", "2026-01-01T11:00:00Z", "2026-01-01T10:00:00Z")),
                403, "INVALID_START_TIME_MUST_BEFORE_END_TIME");
        assertAnswer(send(PRIVATE_CONNECT, privateConnect("pc-1", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z")),
                403, "INVALID_START_TIME_MUST_BEFORE_END_TIME");
    }

    @Test
    void a_span_over_one_day_is_an_invalid_time_range() throws Exception {
        assertAnswer(send(PRIVATE_CONNECT, privateConnect("pc-1", "2025-12-31T00:00:00Z", "2026-01-01T00:00:01Z")),
                403, "INVALID_TIME_RANGE");
        assertAnswer(send(CLOUD_ROUTER, cloudRouter("cr-1", "dc-a", "dc-z", "2025-12-31T00:00:00Z",
                "2026-01-01T23:59:59Z")), 403, "INVALID_TIME_RANGE");
    }

    @Test
    void without_an_end_time_the_span_runs_to_the_sandbox_clock() throws Exception {
        assertAnswer(send(PRIVATE_CONNECT, "{\"privateConnectId\":\"pc-1\",\"startTime\":\"2025-12-31T23:59:59Z\"}"),
                403, "INVALID_TIME_RANGE");
        assertAnswer(send(PRIVATE_CONNECT, "{\"privateConnectId\":\"pc-1\",\"startTime\":\"2026-01-02T00:00:01Z\"}"),
                403, "INVALID_START_TIME_MUST_BEFORE_END_TIME");
    }

    @Test
    void a_start_older_than_thirty_days_before_the_sandbox_clock_is_out_of_range() throws Exception {
        assertAnswer(send(PRIVATE_CONNECT, privateConnect("pc-1", "2025-12-02T23:59:59Z", "2025-12-03T10:00:00Z")),
                403, "TIME_OUT_OF_RANGE");
        assertThat(send(PRIVATE_CONNECT, privateConnect("pc-1", "2025-12-03T00:00:00Z", "2025-12-03T10:00:00Z"))
                .status()).isEqualTo(200);
    }

    @Test
    void a_private_connect_id_starting_with_missing_is_not_found() throws Exception {
        assertAnswer(send(PRIVATE_CONNECT, privateConnect("missing-pc", "2026-01-01T10:00:00Z",
                "2026-01-01T11:00:00Z")), 404, "INVALID_PRIVATE_CONNECT_NOT_FOUND");
    }

    @Test
    void a_data_centre_id_starting_with_missing_is_not_found() throws Exception {
        assertAnswer(send(CLOUD_ROUTER, cloudRouter("cr-1", "missing-dc", "dc-z", "2026-01-01T10:00:00Z",
                "2026-01-01T11:00:00Z")), 404, "INVALID_DATACENTER_NOT_FOUND");
        assertAnswer(send(CLOUD_ROUTER, cloudRouter("cr-1", "dc-a", "missing-dc", "2026-01-01T10:00:00Z",
                "2026-01-01T11:00:00Z")), 404, "INVALID_DATACENTER_NOT_FOUND");
    }

    @Test
    void a_cloud_router_id_starting_with_missing_is_a_resource_not_found() throws Exception {
        assertAnswer(send(CLOUD_ROUTER, cloudRouter("missing-cr", "missing-dc", "dc-z", "2026-01-01T10:00:00Z",
                "2026-01-01T11:00:00Z")), 404, "OPERATION_FAILED_RESOURCE_NOT_FOUND");
    }

    @Test
    void the_time_rules_are_checked_before_the_resource_exists() throws Exception {
        assertAnswer(send(PRIVATE_CONNECT, privateConnect("missing-pc", "2025-12-31T00:00:00Z",
                "2026-01-01T23:59:59Z")), 403, "INVALID_TIME_RANGE");
    }

    @Test
    void an_unknown_action_is_an_invalid_parameter_value() throws Exception {
        assertAnswer(send("DescribePortTraffic", privateConnect("pc-1", "2026-01-01T10:00:00Z",
                "2026-01-01T11:00:00Z")), 400, "INVALID_PARAMETER_VALUE");
        assertThat(sandbox.calls().of("DescribePortTraffic")).isEqualTo(1);
    }

    @Test
    void a_missing_action_is_a_missing_parameter() throws Exception {
        assertAnswer(ZenlayerCall.to(sandbox, null, privateConnect("pc-1", "2026-01-01T10:00:00Z",
                "2026-01-01T11:00:00Z"), NOW).send(), 400, "MISSING_PARAMETER");
    }

    @Test
    void only_post_to_the_sdn_path_is_zenlayer() throws Exception {
        HttpResponse<String> get = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v2/sdn")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.body()).contains("no simulated vendor API");
    }

    private static Answer send(String action, String body) throws Exception {
        return ZenlayerCall.to(sandbox, action, body, NOW).send();
    }

    private static void assertAnswer(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.code()).isEqualTo(code);
        assertErrorEnvelope(answer);
    }
}
