package dev.trafficlens.sandbox.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.TrafficModel.Direction;
import dev.trafficlens.sandbox.VendorSandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GetWanMonitor over real HTTP: signed requests accepted, every documented rule enforced, the traffic served. */
class QingCloudSimulatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static VendorSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void reset() {
        sandbox.faults().clear();
        sandbox.calls().reset();
    }

    private static IaasCall call() {
        return IaasCall.of(sandbox.credentials(), NOW);
    }

    private static JsonNode send(IaasCall call) throws Exception {
        HttpResponse<String> response = call.send(sandbox.baseUrl());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static void assertRefused(IaasCall call, int retCode, String messagePart) throws Exception {
        JsonNode body = send(call);
        assertThat(body.get("ret_code").asInt()).as(body.toString()).isEqualTo(retCode);
        assertThat(body.get("message").asString()).contains(messagePart);
        assertThat(body.has("meter_set")).isFalse();
    }

    private static TrafficModel traffic() {
        return sandbox.traffic();
    }

    private static long epoch(String time) {
        return Instant.parse(time).getEpochSecond();
    }

    private static String utc(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    /** The first five-minute slot at or after {@code from} that starts a run of exactly {@code length} gaps. */
    private static long gapRun(String resource, long from, int length) {
        for (long slot = from + 300; slot < from + 300L * 2_000_000; slot += 300) {
            boolean run = !traffic().isGap(resource, slot - 300) && !traffic().isGap(resource, slot + 300L * length);
            for (int i = 0; i < length && run; i++) {
                run = traffic().isGap(resource, slot + 300L * i);
            }
            if (run) {
                return slot;
            }
        }
        throw new AssertionError("no run of " + length + " gaps found for " + resource);
    }

    @Nested
    class Serving {

        @Test
        void answers_the_documented_envelope_with_the_meters_in_the_order_asked() throws Exception {
            JsonNode body = send(call().meters("pps", "traffic"));

            assertThat(body.get("action").asString()).isEqualTo("GetWanMonitorResponse");
            assertThat(body.get("ret_code").asInt()).isZero();
            assertThat(body.get("resource_id").asString()).isEqualTo("waif-6bm6mt85");
            assertThat(body.get("meter_set")).extracting(meter -> meter.get("meter_id").asString())
                    .containsExactly("pps", "traffic");
            assertThat(sandbox.calls().of("GetWanMonitor")).isEqualTo(1);
        }

        @Test
        void serves_the_traffic_model_in_qingcloud_units_at_five_minutes() throws Exception {
            String resource = "waif-units";
            JsonNode body = send(call().with("resource", resource));

            Map<Long, double[]> trafficSeries = WanSeries.decode(body.get("meter_set").get(0).get("data"), 300);
            Map<Long, double[]> flow = WanSeries.decode(body.get("meter_set").get(1).get("data"), 300);
            Map<Long, double[]> pps = WanSeries.decode(body.get("meter_set").get(2).get("data"), 300);
            int present = 0;
            for (long slot = epoch("2026-11-24T00:00:00Z"); slot < epoch("2026-11-25T00:00:00Z"); slot += 300) {
                if (traffic().isGap(resource, slot)) {
                    assertThat(trafficSeries).doesNotContainKey(slot);
                    assertThat(flow).doesNotContainKey(slot);
                    assertThat(pps).doesNotContainKey(slot);
                    continue;
                }
                present++;
                for (Direction direction : Direction.values()) {
                    int d = direction.ordinal();
                    assertThat(trafficSeries.get(slot)[d]).isEqualTo(traffic().bitsPerSecond(resource, direction, slot) / 8);
                    assertThat(flow.get(slot)[d]).isEqualTo(traffic().bytesInSlot(resource, direction, slot));
                    assertThat(pps.get(slot)[d]).isEqualTo(traffic().packetsPerSecond(resource, direction, slot));
                }
            }
            assertThat(trafficSeries).hasSize(present);
            assertThat(flow).hasSize(present);
            assertThat(pps).hasSize(present);
        }

        @Test
        void the_first_element_is_the_first_valid_sample_so_a_window_starting_in_a_gap_starts_later()
                throws Exception {
            String resource = "waif-late-start";
            long gap = gapRun(resource, epoch("2026-06-01T00:00:00Z"), 1);

            JsonNode data = send(call().with("resource", resource).window(utc(gap), utc(gap + 3600)))
                    .get("meter_set").get(0).get("data");

            assertThat(data.get(0).get(0).asLong()).isEqualTo(gap + 300);
            assertThat(data).hasSize(11);
        }

        @Test
        void a_single_missing_slot_is_NA() throws Exception {
            String resource = "waif-single-gap";
            long gap = gapRun(resource, epoch("2026-06-01T00:00:00Z"), 1);

            JsonNode data = send(call().with("resource", resource).window(utc(gap - 600), utc(gap + 900)))
                    .get("meter_set").get(1).get("data");

            assertThat(data.get(0).get(0).asLong()).isEqualTo(gap - 600);
            assertThat(data.get(2).asString()).isEqualTo("NA");
            assertThat(data).hasSize(5);
            assertThat(WanSeries.decode(data, 300)).containsOnlyKeys(gap - 600, gap - 300, gap + 300, gap + 600);
        }

        @Test
        void a_run_of_missing_slots_is_an_offset_to_the_next_sample() throws Exception {
            String resource = "waif-double-gap";
            long gap = gapRun(resource, epoch("2026-01-01T00:00:00Z"), 2);

            JsonNode data = send(call().with("resource", resource).window(utc(gap - 300), utc(gap + 1200)))
                    .get("meter_set").get(0).get("data");

            assertThat(data.get(0).get(0).asLong()).isEqualTo(gap - 300);
            assertThat(data.get(1).get(0).asLong()).isEqualTo(900);
            assertThat(data.get(1).get(1).isArray()).isTrue();
            assertThat(data).hasSize(3);
            assertThat(WanSeries.decode(data, 300)).containsOnlyKeys(gap - 300, gap + 600, gap + 900);
        }

        @Test
        void missing_slots_at_the_end_of_the_window_are_NA() throws Exception {
            String resource = "waif-double-gap";
            long gap = gapRun(resource, epoch("2026-01-01T00:00:00Z"), 2);

            JsonNode data = send(call().with("resource", resource).window(utc(gap - 300), utc(gap + 600)))
                    .get("meter_set").get(0).get("data");

            assertThat(data.toString()).endsWith(",\"NA\",\"NA\"]");
            assertThat(data).hasSize(3);
        }

        @Test
        void a_window_that_is_all_gap_has_empty_data() throws Exception {
            String resource = "waif-single-gap";
            long gap = gapRun(resource, epoch("2026-06-01T00:00:00Z"), 1);

            JsonNode body = send(call().with("resource", resource).window(utc(gap), utc(gap + 300)));

            assertThat(body.get("ret_code").asInt()).isZero();
            assertThat(body.get("meter_set").get(0).get("data")).isEmpty();
        }

        @Test
        void the_window_is_start_inclusive_end_exclusive_on_the_step_grid() throws Exception {
            String resource = "waif-grid";
            JsonNode data = send(call().with("resource", resource).with("step", "1h")
                    .window("2026-11-24T00:00:00Z", "2026-11-25T00:00:00Z")).get("meter_set").get(0).get("data");

            assertThat(data.get(0).get(0).asLong()).isEqualTo(epoch("2026-11-24T00:00:00Z"));
            assertThat(data).hasSize(24);
        }

        @Test
        void an_unaligned_start_with_millis_begins_at_the_next_grid_point() throws Exception {
            JsonNode data = send(call().with("resource", "waif-grid")
                    .window("2026-11-24T02:04:32.200Z", "2026-11-24T08:04:32.200Z")).get("meter_set").get(0)
                    .get("data");

            assertThat(data.get(0).get(0).asLong()).isEqualTo(epoch("2026-11-24T02:05:00Z"));
            assertThat(WanSeries.decode(data, 300).keySet()).allSatisfy(time ->
                    assertThat(time).isBetween(epoch("2026-11-24T02:05:00Z"), epoch("2026-11-24T08:00:00Z")));
        }

        @Test
        void one_minute_steps_repeat_the_five_minute_rate_and_count_a_minute_of_bytes() throws Exception {
            String resource = "waif-minutes";
            long start = epoch("2026-11-24T10:00:00Z");

            JsonNode meters = send(call().with("resource", resource).with("step", "1m")
                    .window(utc(start), utc(start + 3600))).get("meter_set");
            Map<Long, double[]> rate = WanSeries.decode(meters.get(0).get("data"), 60);
            Map<Long, double[]> bytes = WanSeries.decode(meters.get(1).get("data"), 60);
            Map<Long, double[]> packets = WanSeries.decode(meters.get(2).get("data"), 60);

            for (long minute = start; minute < start + 3600; minute += 60) {
                long slot = minute - minute % 300;
                if (traffic().isGap(resource, slot)) {
                    assertThat(rate).doesNotContainKey(minute);
                    continue;
                }
                double bps = traffic().bitsPerSecond(resource, Direction.OUT, slot);
                assertThat(rate.get(minute)[1]).isEqualTo(bps / 8);
                assertThat(bytes.get(minute)[1]).isEqualTo(bps * 60 / 8);
                assertThat(packets.get(minute)[1]).isEqualTo(traffic().packetsPerSecond(resource, Direction.OUT, slot));
            }
        }

        @Test
        void coarse_steps_average_the_five_minute_rates_and_sum_the_bytes_skipping_gaps() throws Exception {
            String resource = "waif-single-gap";
            long gap = gapRun(resource, epoch("2026-06-01T00:00:00Z"), 1);
            long quarter = gap - gap % 900;

            JsonNode meters = send(call().with("resource", resource).with("step", "15m")
                    .window(utc(quarter), utc(quarter + 900))).get("meter_set");

            List<Long> present = new ArrayList<>();
            for (long slot = quarter; slot < quarter + 900; slot += 300) {
                if (!traffic().isGap(resource, slot)) {
                    present.add(slot);
                }
            }
            assertThat(present).hasSize(2);
            double bps = 0;
            double bytes = 0;
            double packets = 0;
            for (long slot : present) {
                bps += traffic().bitsPerSecond(resource, Direction.IN, slot);
                bytes += traffic().bytesInSlot(resource, Direction.IN, slot);
                packets += traffic().packetsPerSecond(resource, Direction.IN, slot);
            }
            assertThat(WanSeries.decode(meters.get(0).get("data"), 900).get(quarter)[0]).isEqualTo(bps / 2 / 8);
            assertThat(WanSeries.decode(meters.get(1).get("data"), 900).get(quarter)[0]).isEqualTo(bytes);
            assertThat(WanSeries.decode(meters.get(2).get("data"), 900).get(quarter)[0]).isEqualTo(packets / 2);
        }

        @Test
        void a_day_step_covers_utc_days() throws Exception {
            JsonNode data = send(call().with("step", "1d")
                    .window("2026-11-01T00:00:00Z", "2026-11-08T00:00:00Z")).get("meter_set").get(0).get("data");

            assertThat(data.get(0).get(0).asLong()).isEqualTo(epoch("2026-11-01T00:00:00Z"));
            assertThat(data).hasSize(7);
        }

        @Test
        void the_same_request_always_gets_the_same_bytes() throws Exception {
            String first = call().with("step", "15m").send(sandbox.baseUrl()).body();
            String again = call().with("step", "15m").send(sandbox.baseUrl()).body();
            String signedLater = IaasCall.of(sandbox.credentials(), NOW.plusSeconds(30)).with("step", "15m")
                    .send(sandbox.baseUrl()).body();

            assertThat(again).isEqualTo(first);
            assertThat(signedLater).isEqualTo(first);
        }

        @Test
        void serves_any_time_not_only_recent_ones() throws Exception {
            JsonNode body = send(call().window("2020-05-09T02:04:32.200Z", "2020-05-09T08:04:32.200Z"));

            assertThat(body.get("ret_code").asInt()).isZero();
            assertThat(body.get("meter_set").get(0).get("data").get(0).get(0).asLong())
                    .isEqualTo(epoch("2020-05-09T02:05:00Z"));
        }

        @Test
        void caps_one_answer_at_ten_thousand_points_per_meter() throws Exception {
            assertRefused(call().with("step", "1m").window("2026-11-17T00:00:00Z", "2026-11-24T00:00:00Z"),
                    1100, "at most 10000 per meter");

            JsonNode atTheCap = send(call().with("step", "1m").meters("pps")
                    .window("2026-11-17T00:00:00Z", utc(epoch("2026-11-17T00:00:00Z") + 60 * 10_000)));
            assertThat(atTheCap.get("ret_code").asInt()).isZero();
        }

        @Test
        void refuses_no_window_by_its_span() throws Exception {
            JsonNode year = send(call().with("step", "1d").meters("traffic")
                    .window("2025-11-24T00:00:00Z", "2026-11-24T00:00:00Z"));

            assertThat(year.get("ret_code").asInt()).isZero();
            assertThat(year.get("meter_set").get(0).get("data")).hasSize(365);
        }

        @Test
        void accepts_a_form_post_signed_with_post() throws Exception {
            JsonNode body = send(call().asFormPost());

            assertThat(body.get("ret_code").asInt()).isZero();
        }

        @Test
        void accepts_hmac_sha1() throws Exception {
            JsonNode body = send(call().with("signature_method", "HmacSHA1"));

            assertThat(body.get("ret_code").asInt()).isZero();
        }

        @Test
        void accepts_a_base_path_signed_as_requested() throws Exception {
            JsonNode body = send(call().at("/qingcloud/iaas/"));

            assertThat(body.get("ret_code").asInt()).isZero();
        }

        @Test
        void accepts_the_optional_access_point_parameters_and_the_sdk_s_extras() throws Exception {
            JsonNode body = send(call().with("access_type", "cpe").with("interface_name", "eth0")
                    .with("monitor_type", "pop").with("ha_member_index", "0").with("api_lang", "zh-cn")
                    .with("req_id", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"));

            assertThat(body.get("ret_code").asInt()).isZero();
        }
    }

    @Nested
    class Authentication {

        @Test
        void an_unknown_access_key_is_1200() throws Exception {
            assertRefused(call().with("access_key_id", "QYUNKNOWNKEYID"), 1200, "access key [QYUNKNOWNKEYID] not found");
        }

        @Test
        void a_wrong_secret_is_1200() throws Exception {
            assertRefused(call().signedWith("not-the-secret"), 1200, "signature not matched");
        }

        @Test
        void a_signature_over_another_path_or_method_is_1200() throws Exception {
            assertRefused(call().at("/qingcloud/iaas/").signedAs("GET", "/iaas/"), 1200, "signature not matched");
            assertRefused(call().asFormPost().signedAs("GET", "/iaas/"), 1200, "signature not matched");
        }

        @Test
        void a_parameter_changed_after_signing_is_1200() throws Exception {
            IaasCall call = call();
            String tampered = call.signedQuery().replace("resource=waif-6bm6mt85", "resource=waif-other");

            HttpResponse<String> response = IaasCall.HTTP.send(HttpRequest.newBuilder(
                    URI.create(sandbox.baseUrl() + "/iaas/?" + tampered)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(JSON.readTree(response.body()).get("ret_code").asInt()).isEqualTo(1200);
        }

        @Test
        void a_time_stamp_more_than_60_seconds_off_is_1300() throws Exception {
            assertRefused(IaasCall.of(sandbox.credentials(), NOW.minusSeconds(61)), 1300, "expired");
            assertRefused(IaasCall.of(sandbox.credentials(), NOW.plusSeconds(61)), 1300, "expired");
        }

        @Test
        void a_time_stamp_60_seconds_off_is_still_accepted() throws Exception {
            assertThat(send(IaasCall.of(sandbox.credentials(), NOW.minusSeconds(60))).get("ret_code").asInt()).isZero();
            assertThat(send(IaasCall.of(sandbox.credentials(), NOW.plusSeconds(60))).get("ret_code").asInt()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"access_key_id", "signature_method", "signature_version", "version", "time_stamp"})
        void a_missing_common_parameter_is_1100(String name) throws Exception {
            assertRefused(call().without(name), 1100, "[" + name + "]");
        }

        @Test
        void a_missing_signature_is_1100() throws Exception {
            HttpResponse<String> response = IaasCall.HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                    + "/iaas/?" + call().signedQuery().replaceAll("&signature=[^&]*", ""))).build(),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("ret_code").asInt()).isEqualTo(1100);
            assertThat(body.get("message").asString()).contains("[signature]");
        }

        @Test
        void a_time_stamp_not_in_utc_seconds_is_1100() throws Exception {
            assertRefused(call().with("time_stamp", "2026-11-25 12:00:00"), 1100, "[time_stamp]");
            assertRefused(call().with("time_stamp", "2026-11-25T20:00:00+08:00"), 1100, "[time_stamp]");
        }

        @Test
        void an_unknown_signature_method_or_version_is_1100() throws Exception {
            assertRefused(call().with("signature_method", "HmacMD5"), 1100, "[signature_method]");
            assertRefused(call().with("signature_version", "2"), 1100, "[signature_version]");
        }
    }

    @Nested
    class Parameters {

        @ParameterizedTest
        @ValueSource(strings = {"action", "zone", "resource", "access_type", "step", "start_time", "end_time"})
        void a_missing_parameter_is_1100_naming_it(String name) throws Exception {
            assertRefused(call().without(name), 1100, "[" + name + "]");
        }

        @Test
        void no_meters_is_1100() throws Exception {
            assertRefused(call().meters(), 1100, "[meters.1]");
        }

        @Test
        void meters_outside_traffic_flow_pps_or_badly_numbered_are_1100() throws Exception {
            assertRefused(call().meters("traffic", "bandwidth"), 1100, "[meters.2]");
            assertRefused(call().without("meters.1"), 1100, "expected meters.1, got meters.2");
            assertRefused(call().with("meters.0", "traffic"), 1100, "numbered from 1");
            assertRefused(call().meters("flow", "flow"), 1100, "twice");
        }

        @Test
        void an_access_type_outside_vpc_cpe_connect_line_is_1100() throws Exception {
            assertRefused(call().with("access_type", "internet"), 1100, "[access_type]");
            assertThat(send(call().with("access_type", "line")).get("ret_code").asInt()).isZero();
            assertThat(send(call().with("access_type", "connect")).get("ret_code").asInt()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"10m", "5M", "300", "1w", ""})
        void a_step_outside_the_documented_ones_is_1100(String step) throws Exception {
            assertRefused(call().with("step", step), 1100, "[step]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-11-24 00:00:00", "2026-11-24T00:00:00", "2026-11-24T08:00:00+08:00",
                "1764028800", "2026-02-30T00:00:00Z", "2026-11-24T00:00Z"})
        void a_start_time_not_in_utc_iso_8601_is_1100(String start) throws Exception {
            assertRefused(call().with("start_time", start), 1100, "[start_time]");
        }

        @Test
        void an_end_time_not_in_utc_iso_8601_is_1100() throws Exception {
            assertRefused(call().with("end_time", "2026-11-25"), 1100, "[end_time]");
        }

        @Test
        void a_start_not_before_the_end_is_1100() throws Exception {
            assertRefused(call().window("2026-11-25T00:00:00Z", "2026-11-24T00:00:00Z"), 1100, "should be before");
            assertRefused(call().window("2026-11-24T00:00:00Z", "2026-11-24T00:00:00Z"), 1100, "should be before");
        }

        @Test
        void an_upper_case_zone_is_1100() throws Exception {
            assertRefused(call().with("zone", "PEK3"), 1100, "[zone]");
        }

        @Test
        void an_action_other_than_get_wan_monitor_is_1100() throws Exception {
            assertRefused(call().with("action", "GetMonitor"), 1100, "not simulated");
            assertThat(sandbox.calls().of("GetMonitor")).isEqualTo(1);
        }

        @Test
        void a_resource_starting_with_missing_is_2100() throws Exception {
            assertRefused(call().with("resource", "missing-waif-1"), 2100, "resource [missing-waif-1] not found");
        }

        @Test
        void a_name_given_twice_or_a_broken_escape_is_1100() throws Exception {
            HttpResponse<String> twice = IaasCall.HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                    + "/iaas/?" + call().signedQuery() + "&zone=pek3")).build(), HttpResponse.BodyHandlers.ofString());
            // A URI cannot even hold a broken escape; a form body can.
            HttpResponse<String> brokenEscape = IaasCall.HTTP.send(HttpRequest.newBuilder(URI.create(
                    sandbox.baseUrl() + "/iaas/")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(call().asFormPost().signedQuery() + "&x=%zz")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(JSON.readTree(twice.body()).get("message").asString()).contains("[zone] is given more than once");
            assertThat(JSON.readTree(brokenEscape.body()).get("message").asString()).contains("bad percent-encoding");
            assertThat(JSON.readTree(brokenEscape.body()).get("ret_code").asInt()).isEqualTo(1100);
        }
    }

    @Nested
    class Claiming {

        @Test
        void claims_only_paths_ending_in_iaas_slash() throws Exception {
            HttpResponse<String> withoutSlash = IaasCall.HTTP.send(HttpRequest.newBuilder(
                    URI.create(sandbox.baseUrl() + "/iaas?" + call().signedQuery())).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(withoutSlash.statusCode()).isEqualTo(404);
            assertThat(sandbox.calls().total()).isZero();
        }

        @Test
        void a_method_other_than_get_or_post_is_1101() throws Exception {
            HttpResponse<String> response = IaasCall.HTTP.send(HttpRequest.newBuilder(
                    URI.create(sandbox.baseUrl() + "/iaas/?" + call().signedQuery()))
                    .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(JSON.readTree(response.body()).get("ret_code").asInt()).isEqualTo(1101);
        }
    }

    @Nested
    class Scenarios {

        private static final String HEADER = "X-Sandbox-Scenario";

        @Test
        void error_answers_the_asked_ret_code_once_the_request_is_authentic() throws Exception {
            assertRefused(call().header(HEADER, "error=5100"), 5100, "ServerBusy");
            assertRefused(call().with("resource", "waif-7").header(HEADER, "error=1400"), 1400,
                    "resource [waif-7] does not belong to you");
            assertRefused(call().header(HEADER, "error=5100").signedWith("wrong"), 1200, "signature not matched");
        }

        @Test
        void unknown_makes_one_resource_not_found() throws Exception {
            assertRefused(call().with("resource", "waif-404").header(HEADER, "unknown=waif-404"), 2100,
                    "resource [waif-404] not found");
            assertThat(send(call().with("resource", "waif-405").header(HEADER, "unknown=waif-404"))
                    .get("ret_code").asInt()).isZero();
        }

        @Test
        void status_answers_a_bare_http_status() throws Exception {
            HttpResponse<String> response = call().header(HEADER, "status=429").send(sandbox.baseUrl());

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void a_scenario_the_sandbox_does_not_know_is_1100_naming_the_header() throws Exception {
            assertRefused(call().header(HEADER, "error=1234"), 1100, "X-Sandbox-Scenario: error=1234");
            assertRefused(call().header(HEADER, "status=200"), 1100, "status=200");
            assertRefused(call().header(HEADER, "slow=yes"), 1100, "unknown directive");
        }

        @Test
        void example_serves_the_documentation_s_example_to_a_valid_request() throws Exception {
            JsonNode body = send(call().header(HEADER, "example=documentation"));

            assertThat(body.get("resource_id").asString()).isEqualTo("waif-6bm6mt85");
            assertThat(body.get("meter_set").get(0).get("data").get(0).toString()).isEqualTo("[1589001300,[300,291]]");
            assertThat(body.get("meter_set")).extracting(meter -> meter.get("data").size()).containsExactly(5, 4, 4);
            assertRefused(call().with("step", "10m").header(HEADER, "example=documentation"), 1100, "[step]");
        }

        @Test
        void requests_without_the_header_are_untouched() throws Exception {
            assertThat(send(call().with("resource", "waif-404")).get("ret_code").asInt()).isZero();
        }
    }

    @Nested
    class Faults {

        @Test
        void throttled_is_the_vendor_s_quota_answer() throws Exception {
            sandbox.faults().add(FaultRule.forResources("waif-6bm6mt85", FaultRule.Kind.THROTTLED));

            assertRefused(call(), 2500, "QuotaExceeded");
            assertThat(send(call().with("resource", "waif-other")).get("ret_code").asInt()).isZero();
        }

        @Test
        void server_error_is_ret_code_5000() throws Exception {
            sandbox.faults().add(FaultRule.everywhere(FaultRule.Kind.SERVER_ERROR));

            assertRefused(call(), 5000, "InternalError");
            assertThat(sandbox.calls().of("GetWanMonitor")).isEqualTo(1);
        }

        @Test
        void faults_match_the_resource_of_a_form_post_too() throws Exception {
            sandbox.faults().add(FaultRule.forResources("waif-6bm6mt85", FaultRule.Kind.SERVER_ERROR));

            assertRefused(call().asFormPost(), 5000, "InternalError");
        }
    }
}
