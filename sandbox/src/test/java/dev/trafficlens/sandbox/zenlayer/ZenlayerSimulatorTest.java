package dev.trafficlens.sandbox.zenlayer;

import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.CLOUD_ROUTER;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.PRIVATE_CONNECT;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.cloudRouter;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.privateConnect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.TrafficModel.Direction;
import dev.trafficlens.sandbox.VendorSandbox;
import dev.trafficlens.sandbox.zenlayer.ZenlayerCall.Answer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the simulator serves to well-signed requests: points, gaps, summaries, determinism, faults, call counts. */
class ZenlayerSimulatorTest {

    static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");
    private static final long DAY_START = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    private static VendorSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.faults().clear();
        sandbox.calls().reset();
    }

    @Test
    void serves_one_point_per_five_minute_slot_through_the_inclusive_end_time() throws Exception {
        Answer answer = call(PRIVATE_CONNECT, privateConnect("pc-1", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(times(answer)).hasSize(13).startsWith("2026-01-01T10:00:00Z").endsWith("2026-01-01T11:00:00Z");
        assertThat(answer.response().path("unit").asString()).isEqualTo("bps");
    }

    @Test
    void starts_at_the_first_grid_time_at_or_after_the_start_time() throws Exception {
        Answer answer = call(PRIVATE_CONNECT, privateConnect("pc-1", "2026-01-01T10:02:30Z", "2026-01-01T10:19:59Z"));

        assertThat(times(answer)).containsExactly(
                "2026-01-01T10:05:00Z", "2026-01-01T10:10:00Z", "2026-01-01T10:15:00Z");
    }

    @Test
    void serves_the_traffic_model_inbound_as_internetRX_and_outbound_as_internetTX() throws Exception {
        TrafficModel model = sandbox.traffic();
        Answer answer = call(PRIVATE_CONNECT, privateConnect("pc-1", "2026-01-01T10:00:00Z", "2026-01-01T10:59:59Z"));

        for (JsonNode point : answer.response().path("dataList")) {
            long time = Instant.parse(point.path("time").asString()).getEpochSecond();
            assertThat(point.path("internetRX").asLong()).isEqualTo((long) model.bitsPerSecond("pc-1", Direction.IN, time));
            assertThat(point.path("internetTX").asLong()).isEqualTo((long) model.bitsPerSecond("pc-1", Direction.OUT, time));
            assertThat(point.path("internetRX").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void leaves_gap_slots_out_of_the_data_list() throws Exception {
        TrafficModel model = sandbox.traffic();
        List<String> expected = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (long time = DAY_START; time < DAY_START + 86_400; time += 300) {
            (model.isGap("pc-1", time) ? gaps : expected).add(Instant.ofEpochSecond(time).toString());
        }

        Answer answer = call(PRIVATE_CONNECT, privateConnect("pc-1", "2026-01-01T00:00:00Z", "2026-01-01T23:59:59Z"));

        assertThat(gaps).isNotEmpty();
        assertThat(times(answer)).containsExactlyElementsOf(expected).doesNotContainAnyElementsOf(gaps);
        assertThat(answer.text()).doesNotContain("null").doesNotContain("NaN");
    }

    @Test
    void summarises_the_points_sent_by_nearest_rank_mean_extremes_and_bytes() throws Exception {
        Answer answer = call(PRIVATE_CONNECT, privateConnect("pc-1", "2026-01-01T00:00:00Z", "2026-01-01T23:59:59Z"));
        JsonNode response = answer.response();
        long[] in = rates(response, "internetRX");
        long[] out = rates(response, "internetTX");

        assertSummary(response, "in", in);
        assertSummary(response, "out", out);
    }

    @Test
    void a_window_of_exactly_one_day_holds_both_ends() throws Exception {
        Answer answer = call(PRIVATE_CONNECT, privateConnect("pc-2", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"));

        long slots = 289;
        long gaps = 0;
        for (long time = DAY_START; time <= DAY_START + 86_400; time += 300) {
            gaps += sandbox.traffic().isGap("pc-2", time) ? 1 : 0;
        }
        assertThat(answer.status()).isEqualTo(200);
        assertThat(times(answer)).hasSize((int) (slots - gaps));
    }

    @Test
    void without_an_end_time_serves_up_to_the_sandbox_clock() throws Exception {
        Answer answer = call(PRIVATE_CONNECT, "{\"privateConnectId\":\"pc-3\",\"startTime\":\"2026-01-01T23:00:00Z\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(times(answer)).last().isEqualTo(sandbox.traffic().isGap("pc-3", NOW.getEpochSecond())
                ? "2026-01-01T23:55:00Z" : "2026-01-02T00:00:00Z");
    }

    @Test
    void serves_a_cloud_router_pair_as_the_model_of_router_source_and_destination() throws Exception {
        TrafficModel model = sandbox.traffic();
        Answer answer = call(CLOUD_ROUTER,
                cloudRouter("cr-1", "dc-a", "dc-z", "2026-01-01T00:00:00Z", "2026-01-01T23:59:59Z"));

        assertThat(answer.status()).isEqualTo(200);
        int expected = 0;
        for (long time = DAY_START; time < DAY_START + 86_400; time += 300) {
            expected += model.isGap("cr-1:dc-a:dc-z", time) ? 0 : 1;
        }
        assertThat(times(answer)).hasSize(expected);
        for (JsonNode point : answer.response().path("dataList")) {
            long time = Instant.parse(point.path("time").asString()).getEpochSecond();
            assertThat(point.path("internetRX").asLong())
                    .isEqualTo((long) model.bitsPerSecond("cr-1:dc-a:dc-z", Direction.IN, time));
            assertThat(point.path("internetTX").asLong())
                    .isEqualTo((long) model.bitsPerSecond("cr-1:dc-a:dc-z", Direction.OUT, time));
        }
        assertSummary(answer.response(), "in", rates(answer.response(), "internetRX"));
    }

    @Test
    void the_same_request_gets_the_same_bytes_whenever_it_is_signed() throws Exception {
        String body = privateConnect("pc-1", "2026-01-01T08:00:00Z", "2026-01-01T12:00:00Z");

        Answer first = ZenlayerCall.to(sandbox, PRIVATE_CONNECT, body, NOW).send();
        Answer second = ZenlayerCall.to(sandbox, PRIVATE_CONNECT, body, NOW.minusSeconds(200)).send();

        assertThat(second.bytes()).isEqualTo(first.bytes());
        String requestId = first.json().path("requestId").asString();
        assertThat(requestId).matches("T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(first.response().path("requestId").asString()).isEqualTo(requestId);
    }

    @Test
    void different_requests_get_different_request_ids() throws Exception {
        Answer one = call(PRIVATE_CONNECT, privateConnect("pc-1", "2026-01-01T08:00:00Z", "2026-01-01T12:00:00Z"));
        Answer other = call(PRIVATE_CONNECT, privateConnect("pc-2", "2026-01-01T08:00:00Z", "2026-01-01T12:00:00Z"));

        assertThat(one.json().path("requestId").asString()).isNotEqualTo(other.json().path("requestId").asString());
    }

    @Test
    void answers_the_documented_cloud_router_example_request_with_the_documented_response() throws Exception {
        Answer answer = call(CLOUD_ROUTER, cloudRouter("your-cloudrouter-id", "source-dc-id", "destination-dc-id",
                "2026-01-01T00:00:00Z", "2026-01-01T23:59:59Z"));

        JsonNode response = answer.response();
        assertThat(times(answer)).containsExactly(
                "2026-01-01T00:00:00Z", "2026-01-01T00:05:00Z", "2026-01-01T00:10:00Z");
        assertThat(rates(response, "internetRX")).containsExactly(873034, 873034, 635218);
        assertThat(rates(response, "internetTX")).containsExactly(11971, 11971, 9028);
        assertThat(response.path("inAvg").asLong()).isEqualTo(793762);
        assertThat(response.path("outAvg").asLong()).isEqualTo(10990);
    }

    @Test
    void answers_the_documented_private_connect_example_request_with_the_documented_response() throws Exception {
        Instant docsDay = Instant.parse("2023-01-02T00:00:00Z");
        try (VendorSandbox then = VendorSandbox.start(
                SandboxOptions.DEFAULTS.withClock(Clock.fixed(docsDay, ZoneOffset.UTC)))) {
            Answer answer = ZenlayerCall.to(then, PRIVATE_CONNECT,
                    privateConnect("your-private-connect-id", "2023-01-01T00:00:00Z", "2023-01-01T23:59:59Z"),
                    docsDay).send();

            assertThat(answer.status()).isEqualTo(200);
            JsonNode response = answer.response();
            assertThat(rates(response, "in")).containsExactly(873034, 873034, 635218);
            assertThat(rates(response, "out")).containsExactly(11971, 11971, 9028);
            assertThat(response.path("in95").asLong()).isEqualTo(873034);
            assertThat(response.path("outMin").asLong()).isEqualTo(9028);
        }
    }

    @Test
    void counts_each_call_under_its_action() throws Exception {
        call(PRIVATE_CONNECT, privateConnect("pc-1", "2026-01-01T08:00:00Z", "2026-01-01T09:00:00Z"));
        call(PRIVATE_CONNECT, privateConnect("pc-1", "2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z"));
        call(CLOUD_ROUTER, cloudRouter("cr-1", "dc-a", "dc-z", "2026-01-01T08:00:00Z", "2026-01-01T09:00:00Z"));

        assertThat(sandbox.calls().of(PRIVATE_CONNECT)).isEqualTo(2);
        assertThat(sandbox.calls().of(CLOUD_ROUTER)).isEqualTo(1);
    }

    @Test
    void a_throttling_fault_answers_429_REQUEST_LIMIT_EXCEEDED_in_the_error_envelope() throws Exception {
        sandbox.faults().add(FaultRule.forResources("pc-1", FaultRule.Kind.THROTTLED));

        Answer throttled = call(PRIVATE_CONNECT, privateConnect("pc-1", "2026-01-01T08:00:00Z", "2026-01-01T09:00:00Z"));
        Answer other = call(PRIVATE_CONNECT, privateConnect("pc-2", "2026-01-01T08:00:00Z", "2026-01-01T09:00:00Z"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertErrorEnvelope(throttled);
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void a_server_error_fault_answers_500_INTERNAL_SERVER_ERROR_for_the_matching_router_pair_only() throws Exception {
        sandbox.faults().add(FaultRule.forResources("cr-9:dc-a:.*", FaultRule.Kind.SERVER_ERROR));

        Answer failing = call(CLOUD_ROUTER,
                cloudRouter("cr-9", "dc-a", "dc-z", "2026-01-01T08:00:00Z", "2026-01-01T09:00:00Z"));
        Answer other = call(CLOUD_ROUTER,
                cloudRouter("cr-9", "dc-b", "dc-z", "2026-01-01T08:00:00Z", "2026-01-01T09:00:00Z"));

        assertThat(failing.status()).isEqualTo(500);
        assertThat(failing.code()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertErrorEnvelope(failing);
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void a_truncated_fault_cuts_the_normal_answer() throws Exception {
        sandbox.faults().add(FaultRule.forResources("pc-1", FaultRule.Kind.TRUNCATED));
        String body = privateConnect("pc-1", "2026-01-01T08:00:00Z", "2026-01-01T09:00:00Z");

        Answer truncated = call(PRIVATE_CONNECT, body);
        sandbox.faults().clear();
        Answer whole = call(PRIVATE_CONNECT, body);

        assertThat(truncated.bytes()).isEqualTo(Arrays.copyOf(whole.bytes(), whole.bytes().length / 2));
    }

    @Test
    void a_disconnect_fault_closes_the_connection_without_an_answer() {
        sandbox.faults().add(FaultRule.forResources("pc-1", FaultRule.Kind.DISCONNECT));
        String body = privateConnect("pc-1", "2026-01-01T08:00:00Z", "2026-01-01T09:00:00Z");

        assertThatThrownBy(() -> call(PRIVATE_CONNECT, body)).isInstanceOf(java.io.IOException.class);
        assertThat(sandbox.calls().of(PRIVATE_CONNECT)).isEqualTo(1);
    }

    static void assertErrorEnvelope(Answer answer) {
        JsonNode json = answer.json();
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(json.propertyNames()).containsExactly("requestId", "code", "message");
        assertThat(json.path("requestId").asString()).startsWith("T");
        assertThat(json.path("message").asString()).isNotBlank();
    }

    private static void assertSummary(JsonNode response, String direction, long[] rates) {
        long[] sorted = rates.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.95 * sorted.length - 1e-9);
        long sum = Arrays.stream(sorted).sum();
        assertThat(response.path(direction + "95").asLong()).isEqualTo(sorted[rank - 1]);
        assertThat(response.path(direction + "Avg").asLong()).isEqualTo(Math.round((double) sum / sorted.length));
        assertThat(response.path(direction + "Max").asLong()).isEqualTo(sorted[sorted.length - 1]);
        assertThat(response.path(direction + "Min").asLong()).isEqualTo(sorted[0]);
        assertThat(response.path(direction + "Total").asLong()).isEqualTo(sum * 300 / 8);
    }

    private static long[] rates(JsonNode response, String field) {
        List<Long> values = new ArrayList<>();
        response.path("dataList").forEach(point -> values.add(point.path(field).asLong()));
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<String> times(Answer answer) {
        List<String> times = new ArrayList<>();
        answer.response().path("dataList").forEach(point -> times.add(point.path("time").asString()));
        return times;
    }

    private static Answer call(String action, String body) throws Exception {
        return ZenlayerCall.to(sandbox, action, body, NOW).send();
    }
}
