package dev.trafficlens.sandbox.tencent;

import static dev.trafficlens.sandbox.tencent.SignedMnaRequest.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.VendorSandbox;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GetFlowStatisticByRegion over real HTTP, signed by a test client, against a sandbox whose clock stands still. */
class TencentMnaSimulatorTest {

    private static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");
    private static final long T = NOW.getEpochSecond();
    private static final long DAY = 86_400;
    private static final long JAN_1 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VendorSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void hourly_total_volume_sums_both_directions_of_the_five_minute_slots() throws Exception {
        JsonNode response = ok(send(body(JAN_1, JAN_1 + DAY, 3, 1, 0, "MC")));

        Map<Long, Double> expected = buckets("mna-0-MC", 3, JAN_1, JAN_1 + DAY, 3_600);
        assertThat(details(response)).isEqualTo(expected);
        assertThat(response.get("NetDetails").get(0).get("Time").isString()).isTrue();
        assertSummaries(response, expected);
    }

    @ParameterizedTest(name = "Type {0}")
    @ValueSource(ints = {1, 2})
    void type_1_is_uplink_out_and_type_2_downlink_in(int type) throws Exception {
        JsonNode response = ok(send(body(JAN_1, JAN_1 + DAY, type, 1, 1, "EU")));

        assertThat(details(response)).isEqualTo(buckets("mna-1-EU", type, JAN_1, JAN_1 + DAY, 3_600));
    }

    @Test
    void no_access_region_means_all_regions() throws Exception {
        JsonNode response = ok(send(body(JAN_1, JAN_1 + DAY, 3, 1, 0, null)));
        JsonNode empty = ok(send(body(JAN_1, JAN_1 + DAY, 3, 1, 0, "")));

        assertThat(details(response)).isEqualTo(buckets("mna-0-ALL", 3, JAN_1, JAN_1 + DAY, 3_600));
        assertThat(details(empty)).isEqualTo(details(response));
    }

    @Test
    void daily_buckets_are_utc_days() throws Exception {
        JsonNode response = ok(send(body(JAN_1, JAN_1 + 7 * DAY, 2, 2, 0, "AP")));

        assertThat(details(response)).isEqualTo(buckets("mna-0-AP", 2, JAN_1, JAN_1 + 7 * DAY, DAY)).hasSize(7);
    }

    @Test
    void five_minute_buckets_leave_out_a_slot_without_a_sample() throws Exception {
        long gap = gapOf("mna-0-MC");
        JsonNode response = ok(send(body(gap - 3_600, gap + 3_600, 2, 4, 0, "MC")));

        Map<Long, Double> served = details(response);
        assertThat(served).hasSize(23).doesNotContainKey(gap);
        assertThat(served).isEqualTo(buckets("mna-0-MC", 2, gap - 3_600, gap + 3_600, 300));
        assertThat(served.get(gap - 300))
                .isEqualTo(sandbox.traffic().bytesInSlot("mna-0-MC", TrafficModel.Direction.IN, gap - 300));
    }

    @Test
    void minute_buckets_take_a_fifth_of_their_slot_each() throws Exception {
        long gap = gapOf("mna-0-MC");
        JsonNode response = ok(send(body(gap - 600, gap + 300, 1, 3, 0, "MC")));

        Map<Long, Double> served = details(response);
        assertThat(served).hasSize(10).doesNotContainKeys(gap, gap + 60, gap + 120, gap + 180, gap + 240);
        double slot = sandbox.traffic().bytesInSlot("mna-0-MC", TrafficModel.Direction.OUT, gap - 600);
        assertThat(served.get(gap - 600)).isEqualTo(slot / 5);
        assertThat(served.get(gap - 360)).isEqualTo(slot / 5);
    }

    @Test
    void a_window_without_samples_answers_empty_details_and_zero_figures() throws Exception {
        long gap = gapOf("mna-0-MC");
        JsonNode response = ok(send(body(gap, gap + 300, 3, 4, 0, "MC")));

        assertThat(response.get("NetDetails")).isEmpty();
        assertThat(response.get("MaxValue").asDouble()).isZero();
        assertThat(response.get("AvgValue").asDouble()).isZero();
        assertThat(response.get("TotalValue").asDouble()).isZero();
    }

    @Test
    void exactly_seven_days_and_exactly_thirty_days_back_are_allowed() throws Exception {
        ok(send(body(T - 7 * DAY, T, 3, 2, 0, "MC")));
        ok(send(body(T - 30 * DAY, T - 29 * DAY, 3, 2, 0, "MC")));
    }

    @Test
    void the_same_question_gets_the_same_bytes_and_request_id_at_any_time() throws Exception {
        String question = body(JAN_1, JAN_1 + DAY, 3, 1, 0, "MC");
        HttpResponse<String> first = send(question);
        HttpResponse<String> second = SignedMnaRequest.of(sandbox.baseUrl(), keyId(), secret(), T - 250, question)
                .send();

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(ok(first).get("RequestId").asString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .isNotEqualTo(ok(send(body(JAN_1, JAN_1 + DAY, 3, 1, 0, "AP"))).get("RequestId").asString());
    }

    @Test
    void an_unknown_secret_id_is_secret_id_not_found() throws Exception {
        assertError(SignedMnaRequest.of(sandbox.baseUrl(), "AKIDunknown", secret(), T, aDay()).send(),
                "AuthFailure.SecretIdNotFound");
    }

    @Test
    void a_wrong_key_host_body_or_service_is_signature_failure() throws Exception {
        assertError(request(aDay()).signedWithKey("not-the-secret").send(), "AuthFailure.SignatureFailure");
        assertError(request(aDay()).signedForHost("mna.intl.tencentcloudapi.com").send(),
                "AuthFailure.SignatureFailure");
        assertError(request(aDay()).signedOver(body(JAN_1, JAN_1 + DAY, 1, 1, 0, "MC")).send(),
                "AuthFailure.SignatureFailure");
        assertError(request(aDay()).signedForService("mna.intl.tencentcloudapi.com").send(),
                "AuthFailure.SignatureFailure");
    }

    @ParameterizedTest(name = "{0} seconds off")
    @ValueSource(longs = {-301, 301, -3_600})
    void a_timestamp_more_than_five_minutes_off_is_signature_expire(long offset) throws Exception {
        assertError(SignedMnaRequest.of(sandbox.baseUrl(), keyId(), secret(), T + offset, aDay()).send(),
                "AuthFailure.SignatureExpire");
    }

    @ParameterizedTest(name = "{0} seconds off")
    @ValueSource(longs = {-300, 300})
    void a_timestamp_within_five_minutes_is_accepted(long offset) throws Exception {
        ok(SignedMnaRequest.of(sandbox.baseUrl(), keyId(), secret(), T + offset, aDay()).send());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BeginTime", "EndTime", "Type", "TimeGranularity", "GatewayType"})
    void a_missing_parameter_is_missing_parameter(String parameter) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("BeginTime", JAN_1, "EndTime", JAN_1 + DAY,
                "Type", 3, "TimeGranularity", 1, "GatewayType", 0));
        fields.remove(parameter);

        assertError(send(JSON.writeValueAsString(fields)), "MissingParameter");
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/tencent/mna-invalid-values.csv", delimiter = '|')
    void a_bad_value_is_invalid_parameter_value(String what, String body) throws Exception {
        assertError(send(body), "InvalidParameterValue");
    }

    @Test
    void a_value_of_the_wrong_type_or_an_unknown_name_is_refused() throws Exception {
        assertError(send("{\"BeginTime\":\"1767225600\",\"EndTime\":1767312000,\"Type\":3,\"TimeGranularity\":1,"
                + "\"GatewayType\":0}"), "InvalidParameter");
        assertError(send("not json"), "InvalidParameter");
        assertError(send(aDay().replace("}", ",\"DeviceId\":\"x\"}")), "UnknownParameter");
    }

    @Test
    void more_than_seven_days_is_time_span_exceeded() throws Exception {
        assertError(send(body(T - 7 * DAY - 1, T, 3, 2, 0, "MC")), "InvalidParameterValue.TimeSpanExceeded");
    }

    @Test
    void a_begin_older_than_thirty_days_is_time_too_early() throws Exception {
        assertError(send(body(T - 30 * DAY - 1, T - 29 * DAY, 3, 2, 0, "MC")), "InvalidParameterValue.TimeTooEarly");
    }

    @Test
    void an_end_after_now_is_time_future() throws Exception {
        assertError(send(body(T - DAY, T + 1, 3, 1, 0, "MC")), "InvalidParameterValue.TimeFuture");
    }

    @Test
    void an_access_region_starting_with_missing_is_resource_not_found() throws Exception {
        assertError(send(body(JAN_1, JAN_1 + DAY, 3, 1, 0, "missing-AP")), "ResourceNotFound");
    }

    @Test
    void a_scenario_can_make_a_region_unknown_omit_hours_or_serve_the_documented_example() throws Exception {
        assertError(send(body(JAN_1, JAN_1 + DAY, 3, 1, 1, "AM"), "unknown=mna-1-AM"), "ResourceNotFound");
        ok(send(body(JAN_1, JAN_1 + DAY, 3, 1, 0, "AM"), "unknown=mna-1-AM"));

        JsonNode omitted = ok(send(body(JAN_1, JAN_1 + DAY, 3, 1, 1, null),
                "omit=2026-01-01T03:00:00Z/2026-01-01T06:00:00Z"));
        Map<Long, Double> expected = buckets("mna-1-ALL", 3, JAN_1, JAN_1 + DAY, 3_600);
        expected.keySet().removeAll(java.util.List.of(JAN_1 + 3 * 3_600, JAN_1 + 4 * 3_600, JAN_1 + 5 * 3_600));
        assertThat(details(omitted)).isEqualTo(expected).hasSize(21);
        assertSummaries(omitted, expected);

        JsonNode example = ok(send(body(JAN_1, JAN_1 + 3_600, 3, 4, 0, "MC"), "example=documentation"));
        assertThat(example.get("NetDetails").toString()).isEqualTo("[{\"Current\":0,\"Time\":\"1735259400\"}]");
        assertThat(example.get("TotalValue").asDouble()).isZero();
    }

    @Test
    void a_malformed_scenario_is_invalid_parameter() throws Exception {
        assertError(send(aDay(), "gaps=some"), "InvalidParameter");
    }

    @Test
    void another_action_or_version_is_refused() throws Exception {
        assertError(request(aDay()).action("GetFlowStatistic").send(), "InvalidAction");
        assertError(request(aDay()).version("2020-01-01").send(), "NoSuchVersion");
        assertError(request(aDay()).version(null).send(), "MissingParameter");
        assertThat(sandbox.calls().of("GetFlowStatistic")).isEqualTo(1);
    }

    @Test
    void throttling_and_server_errors_come_in_the_error_envelope_with_http_200() throws Exception {
        sandbox.faults().add(FaultRule.forResources("mna-0-MC", FaultRule.Kind.THROTTLED));
        sandbox.faults().add(FaultRule.forResources("mna-1-.*", FaultRule.Kind.SERVER_ERROR));

        assertError(send(body(JAN_1, JAN_1 + DAY, 3, 1, 0, "MC")), "RequestLimitExceeded");
        assertError(send(body(JAN_1, JAN_1 + DAY, 3, 1, 1, null)), "InternalError");
        ok(send(body(JAN_1, JAN_1 + DAY, 3, 1, 0, "AP")));
        assertThat(sandbox.calls().of("GetFlowStatisticByRegion")).isEqualTo(3);
    }

    private String aDay() {
        return body(JAN_1, JAN_1 + DAY, 3, 1, 0, "MC");
    }

    private SignedMnaRequest request(String body) {
        return SignedMnaRequest.of(sandbox.baseUrl(), keyId(), secret(), T, body);
    }

    private HttpResponse<String> send(String body) throws Exception {
        return request(body).send();
    }

    private HttpResponse<String> send(String body, String scenario) throws Exception {
        return request(body).scenario(scenario).send();
    }

    private String keyId() {
        return sandbox.credentials().accessKeyId();
    }

    private String secret() {
        return sandbox.credentials().accessKeySecret();
    }

    /** The first 5-minute slot without a sample in the ten days before the sandbox's now. */
    private long gapOf(String resource) {
        for (long slot = T - 10 * DAY; slot < T; slot += 300) {
            if (sandbox.traffic().isGap(resource, slot)) {
                return slot;
            }
        }
        throw new AssertionError(resource + " has no gap in ten days");
    }

    private Map<Long, Double> buckets(String resource, int type, long begin, long end, long size) {
        Map<Long, Double> buckets = new LinkedHashMap<>();
        for (long bucket = begin; bucket < end; bucket += size) {
            double bytes = 0;
            boolean sampled = false;
            for (long slot = bucket; slot < bucket + size; slot += 300) {
                if (!sandbox.traffic().isGap(resource, slot)) {
                    sampled = true;
                    double in = sandbox.traffic().bytesInSlot(resource, TrafficModel.Direction.IN, slot);
                    double out = sandbox.traffic().bytesInSlot(resource, TrafficModel.Direction.OUT, slot);
                    bytes += (type == 1 ? 0 : in) + (type == 2 ? 0 : out);
                }
            }
            if (sampled) {
                buckets.put(bucket, bytes);
            }
        }
        return buckets;
    }

    private static Map<Long, Double> details(JsonNode response) {
        Map<Long, Double> details = new LinkedHashMap<>();
        response.get("NetDetails").forEach(detail ->
                details.put(Long.parseLong(detail.get("Time").asString()), detail.get("Current").asDouble()));
        return details;
    }

    private static void assertSummaries(JsonNode response, Map<Long, Double> expected) {
        double total = expected.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(response.get("MaxValue").asDouble())
                .isEqualTo(expected.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(response.get("TotalValue").asDouble()).isEqualTo(total);
        assertThat(response.get("AvgValue").asDouble()).isCloseTo(total / expected.size(),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body()).get("Response");
        assertThat(answer.has("Error")).as(response.body()).isFalse();
        assertThat(answer.get("RequestId").asString()).isNotBlank();
        return answer;
    }

    private static void assertError(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body()).get("Response");
        assertThat(answer.get("Error").get("Code").asString()).as(response.body()).isEqualTo(code);
        assertThat(answer.get("Error").get("Message").asString()).isNotBlank();
        assertThat(answer.get("RequestId").asString()).isNotBlank();
        assertThat(answer.has("NetDetails")).isFalse();
    }
}
