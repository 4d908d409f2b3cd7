package dev.trafficlens.sandbox.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.VendorSandbox;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DescribeVpnConnMonitor over real HTTP, signed by a test client, against a sandbox whose clock stands still. */
class TencentVpcSimulatorTest {

    private static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z"); // 08:00 in Beijing
    private static final long DAY = 86_400;
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
    void serves_a_day_of_inbound_bit_rates_one_value_per_five_minutes_from_starttime() throws Exception {
        JsonNode answer = ok(request()
                .with("starttime", "2026-01-01 08:00:00").with("endtime", "2026-01-02 08:00:00").send());

        assertThat(answer.get("message").asString()).isEmpty();
        assertThat(answer.get("codeDesc").asString()).isEqualTo("Success");
        assertThat(values(answer.get("data"))).containsExactlyElementsOf(
                model("vpnx-ol6bcqp0", TrafficModel.Direction.IN, at("2026-01-01T00:00:00Z"), 288));
    }

    @Test
    void outtraffic_serves_the_outbound_direction() throws Exception {
        JsonNode answer = ok(request().with("metricName", "outtraffic")
                .with("starttime", "2026-01-01 08:00:00").with("endtime", "2026-01-01 09:00:00").send());

        assertThat(values(answer.get("data"))).containsExactlyElementsOf(
                model("vpnx-ol6bcqp0", TrafficModel.Direction.OUT, at("2026-01-01T00:00:00Z"), 12));
    }

    @Test
    void a_slot_without_a_sample_is_null_in_its_place() throws Exception {
        // vpnx-1 has no sample in the slot of 2026-01-01T12:15Z (slot 147 of the day).
        assertThat(sandbox.traffic().isGap("vpnx-1", at("2026-01-01T12:15:00Z"))).isTrue();

        JsonNode data = ok(request().with("vpnConnId", "vpnx-1")
                .with("starttime", "2026-01-01 08:00:00").with("endtime", "2026-01-02 08:00:00").send()).get("data");

        assertThat(data).hasSize(288);
        assertThat(data.get(147).isNull()).isTrue();
        assertThat(data.get(146).isNumber()).isTrue();
        assertThat(values(data)).containsExactlyElementsOf(
                model("vpnx-1", TrafficModel.Direction.IN, at("2026-01-01T00:00:00Z"), 288));
    }

    @Test
    void a_span_over_two_days_is_silently_clipped_to_the_last_two_days_before_endtime() throws Exception {
        JsonNode clipped = ok(request()
                .with("starttime", "2026-01-05 08:00:00").with("endtime", "2026-01-10 08:00:00").send());
        JsonNode lastTwoDays = ok(request()
                .with("starttime", "2026-01-08 08:00:00").with("endtime", "2026-01-10 08:00:00").send());

        assertThat(clipped.get("code").asInt()).isZero();
        assertThat(clipped.get("data")).hasSize(576);
        assertThat(clipped).isEqualTo(lastTwoDays);
        assertThat(values(clipped.get("data"))).containsExactlyElementsOf(
                model("vpnx-ol6bcqp0", TrafficModel.Direction.IN, at("2026-01-08T00:00:00Z"), 576));
    }

    @Test
    void without_times_it_serves_from_the_same_time_yesterday_to_now() throws Exception {
        JsonNode answer = ok(request().send());

        assertThat(values(answer.get("data"))).containsExactlyElementsOf(
                model("vpnx-ol6bcqp0", TrafficModel.Direction.IN, NOW.getEpochSecond() - DAY, 288));
    }

    @Test
    void slots_that_have_not_ended_by_now_are_not_served() throws Exception {
        JsonNode answer = ok(request()
                .with("starttime", "2026-01-15 07:00:00").with("endtime", "2026-01-15 12:00:00").send());

        assertThat(answer.get("data")).hasSize(12); // 07:00 to 08:00 Beijing, the sandbox's now
    }

    @Test
    void times_are_beijing_time() throws Exception {
        JsonNode answer = ok(request()
                .with("starttime", "2026-01-02 00:00:00").with("endtime", "2026-01-02 00:05:00").send());

        assertThat(values(answer.get("data"))).containsExactly(sandbox.traffic()
                .bitsPerSecond("vpnx-ol6bcqp0", TrafficModel.Direction.IN, at("2026-01-01T16:00:00Z")));
    }

    @Test
    void hmac_sha1_is_the_default_and_can_be_named() throws Exception {
        assertThat(ok(request().without("SignatureMethod").send()).get("code").asInt()).isZero();
        assertThat(ok(request().with("SignatureMethod", "HmacSHA1").send()).get("code").asInt()).isZero();
    }

    @Test
    void a_form_post_is_signed_with_post_and_answered_alike() throws Exception {
        HttpResponse<String> posted = request().asFormPost()
                .with("starttime", "2026-01-01 08:00:00").with("endtime", "2026-01-01 09:00:00").send();
        HttpResponse<String> got = request()
                .with("starttime", "2026-01-01 08:00:00").with("endtime", "2026-01-01 09:00:00").send();

        assertThat(posted.body()).isEqualTo(got.body());
        assertThat(ok(posted).get("data")).hasSize(12);
    }

    @Test
    void a_multipart_post_as_the_legacy_sdk_sends_it_is_read_alike() throws Exception {
        HttpResponse<String> posted = request().asMultipartPost()
                .with("starttime", "2026-01-01 08:00:00").with("endtime", "2026-01-01 09:00:00").send();
        HttpResponse<String> got = request()
                .with("starttime", "2026-01-01 08:00:00").with("endtime", "2026-01-01 09:00:00").send();

        assertThat(posted.body()).isEqualTo(got.body());
    }

    @Test
    void the_same_question_gets_the_same_bytes_whatever_its_nonce_and_time() throws Exception {
        HttpResponse<String> first = request().with("starttime", "2026-01-03 08:00:00").send();
        HttpResponse<String> second = SignedLegacyRequest.monitor(sandbox.baseUrl(), keyId(), secret(),
                NOW.getEpochSecond() - 200).with("Nonce", "4242").with("starttime", "2026-01-03 08:00:00").send();

        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void a_wrong_signature_is_4100() throws Exception {
        assertError(request().signedWithKey("not-the-secret").send(), 4100, "AuthFailure.SignatureFailure");
        assertError(request().with("Signature", "bm90IGEgc2lnbmF0dXJl").unsigned().send(), 4100,
                "AuthFailure.SignatureFailure");
    }

    @Test
    void the_signature_covers_the_host_received_and_the_raw_values() throws Exception {
        assertError(request().signedForHost("vpc.api.qcloud.com").send(), 4100, "AuthFailure.SignatureFailure");
    }

    @Test
    void an_unknown_secret_id_is_4104() throws Exception {
        assertError(SignedLegacyRequest.monitor(sandbox.baseUrl(), "AKIDunknown", secret(), NOW.getEpochSecond())
                .send(), 4104, "AuthFailure.SecretIdNotFound");
    }

    @ParameterizedTest(name = "{0} seconds off")
    @ValueSource(longs = {-301, 301, -86_400})
    void a_timestamp_more_than_five_minutes_off_is_4200(long offset) throws Exception {
        assertError(SignedLegacyRequest.monitor(sandbox.baseUrl(), keyId(), secret(), NOW.getEpochSecond() + offset)
                .send(), 4200, "RequestExpired");
    }

    @ParameterizedTest(name = "{0} seconds off")
    @ValueSource(longs = {-300, 300})
    void a_timestamp_within_five_minutes_is_accepted(long offset) throws Exception {
        assertThat(ok(SignedLegacyRequest.monitor(sandbox.baseUrl(), keyId(), secret(), NOW.getEpochSecond() + offset)
                .send()).get("code").asInt()).isZero();
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"Nonce", "Timestamp", "Region", "SecretId", "vpcId", "vpnGwId", "vpnConnId", "metricName"})
    void a_missing_parameter_is_4000(String parameter) throws Exception {
        assertError(request().without(parameter).send(), 4000, "MissingParameter");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "metricName, traffic",
            "starttime, 2026-01-01T08:00:00Z",
            "endtime, 2026/01/02 08:00:00",
            "starttime, 2026-02-30 08:00:00",
            "Nonce, -5",
            "SignatureMethod, HmacMD5"})
    void an_invalid_parameter_is_4000(String parameter, String value) throws Exception {
        assertError(request().with(parameter, value).send(), 4000, "InvalidParameter");
    }

    @Test
    void a_start_at_or_after_the_end_is_4000() throws Exception {
        assertError(request().with("starttime", "2026-01-02 08:00:00").with("endtime", "2026-01-02 08:00:00").send(),
                4000, "InvalidParameter");
        assertError(request().with("starttime", "2026-01-03 08:00:00").with("endtime", "2026-01-02 08:00:00").send(),
                4000, "InvalidParameter");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "vpnConnId, missing-vpnx, InvalidVpnConn.NotFound",
            "vpnConnId, vpnx-missing, InvalidVpnConn.NotFound",
            "vpnGwId, missing-vpngw, InvalidVpnGw.NotFound",
            "vpnGwId, vpngw-missing1, InvalidVpnGw.NotFound",
            "vpcId, missing-vpc, InvalidVpc.NotFound",
            "vpcId, vpc-missing, InvalidVpc.NotFound"})
    void unknown_ids_are_5000_with_the_module_code(String parameter, String value, String codeDesc) throws Exception {
        HttpResponse<String> response = request().with(parameter, value).send();

        assertError(response, 5000, codeDesc);
        assertThat(JSON.readTree(response.body()).get("message").asString()).startsWith("(" + codeDesc + ")");
    }

    @Test
    void missing_elsewhere_in_an_id_names_a_known_resource() throws Exception {
        assertThat(ok(request().with("vpnConnId", "vpnx-1-missing").send()).get("data")).isNotEmpty();
        assertThat(ok(request().with("vpnConnId", "vpngw-missing").send()).get("data")).isNotEmpty();
    }

    @Test
    void another_action_is_refused() throws Exception {
        assertError(request().with("Action", "DescribeVpnConn").send(), 4000, "InvalidAction");
        assertThat(sandbox.calls().of("DescribeVpnConn")).isEqualTo(1);
    }

    @Test
    void throttling_is_http_429_with_retry_after_and_code_4400() throws Exception {
        sandbox.faults().add(FaultRule.forResources("vpnx-ol6bcqp0", FaultRule.Kind.THROTTLED));

        HttpResponse<String> response = request().send();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(response.body()).get("code").asInt()).isEqualTo(4400);
        assertThat(JSON.readTree(response.body()).get("codeDesc").asString()).isEqualTo("RequestLimitExceeded");
    }

    @Test
    void a_server_error_is_code_5100_with_http_200() throws Exception {
        sandbox.faults().add(FaultRule.forResources("vpnx-.*", FaultRule.Kind.SERVER_ERROR));

        assertError(request().send(), 5100, "InternalError");
        assertThat(ok(request().with("vpnConnId", "other").send()).get("code").asInt()).isZero();
    }

    @Test
    void a_scenario_can_fill_the_model_s_gaps_with_the_sample_before() throws Exception {
        JsonNode data = ok(request().with("vpnConnId", "vpnx-1").scenario("gaps=none")
                .with("starttime", "2026-01-01 08:00:00").with("endtime", "2026-01-02 08:00:00").send()).get("data");

        assertThat(values(data)).hasSize(288).doesNotContain(Double.NaN);
        assertThat(data.get(147)).isEqualTo(data.get(146));
    }

    @Test
    void a_scenario_can_omit_slots_and_serve_the_documented_example() throws Exception {
        String omitTwoSlots = "omit=2026-01-01T00:05:00Z/2026-01-01T00:15:00Z";
        JsonNode omitted = ok(request().with("vpnConnId", "vpnx-1").scenario(omitTwoSlots)
                .with("starttime", "2026-01-01 08:00:00").with("endtime", "2026-01-01 08:30:00").send()).get("data");
        JsonNode example = ok(request().scenario("example=documentation; " + omitTwoSlots)
                .with("starttime", "2026-01-01 08:00:00").with("endtime", "2026-01-01 08:30:00").send()).get("data");

        List<Double> model = model("vpnx-1", TrafficModel.Direction.IN, at("2026-01-01T00:00:00Z"), 6);
        model.set(1, Double.NaN);
        model.set(2, Double.NaN);
        assertThat(values(omitted)).containsExactlyElementsOf(model);
        assertThat(example.toString()).isEqualTo("[1221,null,null]");
    }

    @Test
    void a_scenario_can_make_any_id_unknown_but_not_skip_a_rule() throws Exception {
        assertError(request().scenario("unknown=vpngw-dystbrkv").send(), 5000, "InvalidVpnGw.NotFound");
        assertError(request().scenario("example=documentation").signedWithKey("wrong").send(), 4100,
                "AuthFailure.SignatureFailure");
        assertError(request().scenario("error=4100").send(), 4000, "InvalidParameter");
        assertError(request().scenario("omit=yesterday/today").send(), 4000, "InvalidParameter");
    }

    @Test
    void each_request_is_counted_under_its_action() throws Exception {
        request().send();
        request().with("metricName", "outtraffic").send();

        assertThat(sandbox.calls().of("DescribeVpnConnMonitor")).isEqualTo(2);
    }

    private SignedLegacyRequest request() {
        return SignedLegacyRequest.monitor(sandbox.baseUrl(), keyId(), secret(), NOW.getEpochSecond());
    }

    private String keyId() {
        return sandbox.credentials().accessKeyId();
    }

    private String secret() {
        return sandbox.credentials().accessKeySecret();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("code").asInt()).as(response.body()).isZero();
        return answer;
    }

    private static void assertError(HttpResponse<String> response, int code, String codeDesc) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("code").asInt()).as(response.body()).isEqualTo(code);
        assertThat(answer.get("codeDesc").asString()).isEqualTo(codeDesc);
        assertThat(answer.get("message").asString()).isNotBlank();
        assertThat(answer.has("data")).isFalse();
    }

    /** The values as doubles, NaN for null, to compare with the model. */
    private static List<Double> values(JsonNode data) {
        List<Double> values = new ArrayList<>();
        data.forEach(value -> values.add(value.isNull() ? Double.NaN : value.asDouble()));
        return values;
    }

    private List<Double> model(String resource, TrafficModel.Direction direction, long start, int count) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(sandbox.traffic().bitsPerSecond(resource, direction, start + 300L * i));
        }
        return values;
    }

    private static long at(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }
}
