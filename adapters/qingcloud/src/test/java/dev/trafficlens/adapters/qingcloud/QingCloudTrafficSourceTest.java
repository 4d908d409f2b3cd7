package dev.trafficlens.adapters.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.Fixtures;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.Signing;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The adapter on the wire: what it sends, how it signs, and how it reads the vendor's answers and errors. */
class QingCloudTrafficSourceTest {

    private static final String ACCESS_KEY_ID = "QYACCESSKEYIDEXAMPLE";
    private static final String SECRET = "SECRETACCESSKEY";
    private static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(20), Duration.ofSeconds(10));
    private static final double NA = Double.NaN;
    private static final Set<Metric> ALL = Source.QINGCLOUD_WAN.limits().metrics();

    private StubVendor vendor;

    @BeforeEach
    void startVendor() {
        vendor = StubVendor.start();
    }

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    private QingCloudTrafficSource source(Clock clock) {
        return source(vendor.endpoint(), clock);
    }

    private QingCloudTrafficSource source(URI endpoint, Clock clock) {
        return new QingCloudTrafficSource(QingCloudConfig.builder()
                .endpoint(endpoint)
                .accessKeyId(ACCESS_KEY_ID)
                .secretAccessKey(SECRET)
                .retryPolicy(FAST_RETRIES)
                .rateLimit(RateLimit.assumedPerSecond(1000))
                .clock(clock)
                .build());
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static Either<SourceFailure, SourceAnswer> fetch(QingCloudTrafficSource source, PlannedCall call) {
        return source.fetch(call).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
    }

    private static PlannedCall call(String from, String to, Step step, Set<Metric> metrics) {
        return new PlannedCall(QingCloudWanAccess.of("pek3", "waif-1", "vpc"), TimeWindow.of(from, to), step, metrics);
    }

    private static PlannedCall anHour() {
        return call("2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", Step.FIVE_MINUTES, ALL);
    }

    private static double[] values(SourceAnswer answer, Metric metric) {
        return answer.series(metric).map(TrafficSeries::values)
                .orElseThrow(() -> new AssertionError("no series for " + metric));
    }

    /** The decoded query parameters, in the order sent. */
    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Checks that what was sent is the sorted, encoded query with its own valid signature as the last parameter. */
    private static void assertSignedAsSent(StubVendor.Request request) {
        String rawQuery = request.rawQuery();
        int cut = rawQuery.lastIndexOf("&signature=");
        assertThat(cut).as("signature is the last parameter of %s", rawQuery).isPositive();
        String signed = rawQuery.substring(0, cut);
        assertThat(signed).doesNotContain("signature=");
        assertThat(QingCloudSigner.canonicalQuery(parameters(signed))).as("sent in canonical form").isEqualTo(signed);
        String expected = new QingCloudSigner(Secret.of(SECRET))
                .signature(QingCloudSigner.stringToSign(request.path(), signed));
        assertThat(rawQuery.substring(cut + "&signature=".length())).isEqualTo(Signing.percentEncode(expected));
    }

    @Test
    void sends_a_get_whose_query_matches_an_independently_computed_signature_byte_for_byte() {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "error-2100-not-found.json")));
        PlannedCall call = new PlannedCall(QingCloudWanAccess.of("pek3", "waif-6bm6mt85", "vpc"),
                TimeWindow.of("2020-05-09T02:05:00Z", "2020-05-09T08:05:00Z"), Step.FIVE_MINUTES, ALL);

        fetch(source(at("2020-05-09T08:05:00.734Z")), call);

        StubVendor.Request request = vendor.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/iaas/");
        // Computed with Python's hmac and urllib.parse (quote, safe '-_~'; quote_plus for the signature).
        assertThat(request.rawQuery()).isEqualTo("access_key_id=QYACCESSKEYIDEXAMPLE&access_type=vpc"
                + "&action=GetWanMonitor&end_time=2020-05-09T08%3A05%3A00Z&meters.1=traffic&meters.2=flow"
                + "&meters.3=pps&resource=waif-6bm6mt85&signature_method=HmacSHA256&signature_version=1"
                + "&start_time=2020-05-09T02%3A05%3A00Z&step=5m&time_stamp=2020-05-09T08%3A05%3A00Z&version=1"
                + "&zone=pek3&signature=qmnX%2FpcJCE8X4o3t8d4EkLYMnTeb8wp2pUpW%2FZajevo%3D");
    }

    @Test
    void asks_only_for_the_meters_the_call_needs_and_answers_only_the_metrics_asked() {
        PlannedCall call = call("2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", Step.FIVE_MINUTES,
                Set.of(Metric.BITRATE_IN, Metric.PACKET_RATE_OUT));
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "gaps-na-and-offsets.json")));

        SourceAnswer answer = fetch(source(Clock.systemUTC()), call).get();

        Map<String, String> sent = parameters(vendor.requests().get(0).rawQuery());
        assertThat(sent).containsEntry("meters.1", "traffic").containsEntry("meters.2", "pps")
                .doesNotContainKey("meters.3");
        assertThat(answer.series()).extracting(TrafficSeries::metric)
                .containsExactlyInAnyOrder(Metric.BITRATE_IN, Metric.PACKET_RATE_OUT);
        assertThat(answer.vendorFigures()).isEmpty();
    }

    @Test
    void sends_the_optional_interface_monitor_type_and_ha_member_and_signs_them() {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "error-2100-not-found.json")));
        PlannedCall call = new PlannedCall(new QingCloudWanAccess("pek3a", "wacc-fub9b1eo", "cpe",
                Optional.of("eth0"), Optional.of("pop"), Optional.of("1")),
                TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"), Step.FIVE_MINUTES, ALL);

        fetch(source(Clock.systemUTC()), call);

        StubVendor.Request request = vendor.requests().get(0);
        assertThat(parameters(request.rawQuery()))
                .containsEntry("interface_name", "eth0")
                .containsEntry("monitor_type", "pop")
                .containsEntry("ha_member_index", "1")
                .containsEntry("resource", "wacc-fub9b1eo")
                .containsEntry("access_type", "cpe")
                .containsEntry("zone", "pek3a")
                .containsEntry("start_time", "2026-01-01T00:00:00Z")
                .containsEntry("end_time", "2026-01-02T00:00:00Z");
        assertSignedAsSent(request);
    }

    @ParameterizedTest
    @CsvSource({"1, 1m", "5, 5m", "15, 15m", "30, 30m", "60, 1h", "120, 2h", "1440, 1d"})
    void names_each_native_step_by_its_label(long minutes, String label) {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "error-2100-not-found.json")));

        fetch(source(Clock.systemUTC()),
                call("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", Step.ofMinutes(minutes), ALL));

        assertThat(parameters(vendor.requests().get(0).rawQuery())).containsEntry("step", label);
    }

    @Test
    void signs_every_retry_afresh_with_the_clocks_current_time() {
        AtomicLong now = new AtomicLong(Instant.parse("2026-01-02T00:00:10Z").toEpochMilli());
        Clock ticking = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.getAndAdd(61_000));
            }
        };
        PlannedCall call = anHour();
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "error-5100-busy.json")))
                .then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "gaps-na-and-offsets.json")));

        assertThat(fetch(source(ticking), call).isRight()).isTrue();

        List<StubVendor.Request> requests = vendor.requests();
        assertThat(requests).hasSize(2);
        assertThat(parameters(requests.get(0).rawQuery())).containsEntry("time_stamp", "2026-01-02T00:00:10Z");
        assertThat(parameters(requests.get(1).rawQuery())).containsEntry("time_stamp", "2026-01-02T00:01:11Z");
        requests.forEach(QingCloudTrafficSourceTest::assertSignedAsSent);
    }

    @Test
    void appends_the_api_path_to_an_endpoint_with_a_base_path_and_signs_the_path_sent() {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "error-2100-not-found.json")));

        fetch(source(URI.create(vendor.endpoint() + "/qingcloud"), Clock.systemUTC()), anHour());

        StubVendor.Request request = vendor.requests().get(0);
        assertThat(request.path()).isEqualTo("/qingcloud/iaas/");
        assertSignedAsSent(request);
    }

    @Test
    void reports_the_seed_documents_example_with_its_ellipses_as_malformed_rather_than_guessing() {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "get-wan-monitor-documented-example-with-ellipsis.json")));

        SourceFailure failure = fetch(source(Clock.systemUTC()), anHour()).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(failure.message()).contains("not JSON");
        assertThat(vendor.requests()).as("an unreadable body is final").hasSize(1);
    }

    @Test
    void reads_the_seed_documents_example_cleaned_of_its_ellipses_with_traffic_in_bits() {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "get-wan-monitor-documented-example-cleaned.json")));
        PlannedCall call = new PlannedCall(QingCloudWanAccess.of("pek3a", "waif-6bm6mt85", "vpc"),
                TimeWindow.of("2020-05-09T05:15:00Z", "2020-05-09T05:40:00Z"), Step.FIVE_MINUTES, ALL);

        SourceAnswer answer = fetch(source(Clock.systemUTC()), call).get();

        assertThat(values(answer, Metric.BITRATE_IN)).containsExactly(2400, 1000, 1288, 1424, 1240);
        assertThat(values(answer, Metric.BITRATE_OUT)).containsExactly(2328, 1176, 1208, 1512, 1232);
        assertThat(values(answer, Metric.VOLUME_IN)).containsExactly(90324, 37748, 48718, 53709, NA);
        assertThat(values(answer, Metric.VOLUME_OUT)).containsExactly(87444, 44228, 45511, 56850, NA);
        assertThat(values(answer, Metric.PACKET_RATE_IN)).containsExactly(5, 2, 2, 3, NA);
        assertThat(values(answer, Metric.PACKET_RATE_OUT)).containsExactly(5, 2, 2, 3, NA);
        assertThat(answer.series(Metric.BITRATE_IN).orElseThrow().start())
                .isEqualTo(Instant.ofEpochSecond(1589001300));
    }

    @Test
    void places_na_slots_offset_gaps_and_a_late_first_sample_on_the_grid() {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "gaps-na-and-offsets.json")));

        SourceAnswer answer = fetch(source(Clock.systemUTC()), anHour()).get();

        // t0 is 00:05, NA takes 00:10, a bare pair 00:15, [900, …] jumps to 00:30, NA takes 00:35, then 00:40.
        assertThat(values(answer, Metric.BITRATE_IN))
                .containsExactly(NA, 8000, NA, 8800, NA, NA, 9600, NA, 10400, NA, NA, NA);
        assertThat(values(answer, Metric.BITRATE_OUT))
                .containsExactly(NA, 16000, NA, 16800, NA, NA, 17600, NA, 18400, NA, NA, NA);
        assertThat(values(answer, Metric.VOLUME_OUT))
                .containsExactly(NA, 600000, NA, 630000, NA, NA, 660000, NA, 690000, NA, NA, NA);
        assertThat(values(answer, Metric.PACKET_RATE_IN))
                .containsExactly(NA, 10, NA, 11, NA, NA, 12, NA, 13, NA, NA, NA);
    }

    @Test
    void ignores_samples_off_the_window_and_labels_an_off_grid_time_by_its_interval() {
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        String body = "{\"ret_code\":0,\"meter_set\":[{\"meter_id\":\"traffic\",\"data\":["
                + "[" + (from - 300) + ",[1,1]],[2,2],[450,[3,3]],[3150,[4,4]],[5,5]]}]}";
        vendor.then(StubVendor.Reply.json(200, body));
        PlannedCall call = call("2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", Step.FIVE_MINUTES,
                Set.of(Metric.BITRATE_IN));

        SourceAnswer answer = fetch(source(Clock.systemUTC()), call).get();

        // -300 is before the window; 00:00 is slot 0; 00:07:30 falls in slot 1; 01:00 and 01:05 are past its end.
        assertThat(values(answer, Metric.BITRATE_IN)).containsExactly(16, 24, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA);
    }

    @Test
    void a_meter_the_vendor_left_out_is_a_series_of_missing_samples() {
        vendor.then(StubVendor.Reply.json(200,
                "{\"ret_code\":0,\"meter_set\":[{\"meter_id\":\"traffic\",\"data\":[]}]}"));

        SourceAnswer answer = fetch(source(Clock.systemUTC()), anHour()).get();

        assertThat(answer.series()).hasSize(6);
        assertThat(answer.series()).allSatisfy(series -> {
            assertThat(series.presentCount()).isZero();
            assertThat(series.window()).isEqualTo(anHour().window());
        });
    }

    @ParameterizedTest
    @CsvSource({
        "error-1100-bad-parameter.json,       VENDOR_ERROR,       1100, 1",
        "error-1200-auth-failure.json,        UNAUTHENTICATED,    1200, 1",
        "error-1300-expired.json,             UNAUTHENTICATED,    1300, 1",
        "error-1400-permission-denied.json,   UNAUTHENTICATED,    1400, 1",
        "error-2100-not-found.json,           NOT_FOUND,          2100, 1",
        "error-2400-balance-insufficient.json, VENDOR_ERROR,      2400, 1",
        "error-2500-quota-exceeded.json,      RATE_LIMITED,       2500, 1",
        "error-5000-internal.json,            VENDOR_UNAVAILABLE, 5000, 3",
        "error-5100-busy.json,                VENDOR_UNAVAILABLE, 5100, 3",
    })
    void maps_each_documented_ret_code_keeping_the_code_and_retrying_only_server_trouble(
            String fixture, ErrorKind kind, String code, int attempts) {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", fixture)));

        SourceFailure failure = fetch(source(Clock.systemUTC()), anHour()).getLeft();

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.source()).isEqualTo(Source.QINGCLOUD_WAN);
        assertThat(failure.vendorCode()).hasValue(code);
        assertThat(failure.requestId()).as("QingCloud sends no request id").isEmpty();
        assertThat(failure.message()).startsWith("qingcloud.wan-access ").contains("ret_code " + code);
        assertThat(failure.message()).doesNotContain("http", "signature=", "?", SECRET);
        assertThat(vendor.requests()).hasSize(attempts);
    }

    @Test
    void a_busy_vendor_that_recovers_answers_normally() {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "error-5100-busy.json")))
                .then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "gaps-na-and-offsets.json")));

        assertThat(fetch(source(Clock.systemUTC()), anHour()).get().series()).hasSize(6);
        assertThat(vendor.requests()).hasSize(2);
    }

    @Test
    void names_the_access_point_in_a_not_found_failure() {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "error-2100-not-found.json")));

        assertThat(fetch(source(Clock.systemUTC()), anHour()).getLeft().message())
                .contains("waif-1", "pek3", "ResourceNotFound");
    }

    @Test
    void accepts_a_ret_code_sent_as_a_string() {
        vendor.then(StubVendor.Reply.json(200, "{\"ret_code\":\"2100\",\"message\":\"not found\"}"));

        assertThat(fetch(source(Clock.systemUTC()), anHour()).getLeft().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void a_success_without_a_meter_set_is_malformed() {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "success-without-meter-set.json")));

        SourceFailure failure = fetch(source(Clock.systemUTC()), anHour()).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(failure.message()).contains("meter_set");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ret_code\":0,\"meter_set\":{\"traffic\":[]}}",
        "{\"ret_code\":0,\"meter_set\":[\"traffic\"]}",
        "{\"ret_code\":0,\"meter_set\":[{\"meter_id\":\"traffic\",\"data\":{}}]}",
        "{\"ret_code\":0,\"meter_set\":[{\"meter_id\":\"pps\",\"data\":[[1767225600,3]]}]}",
        "{\"ret_code\":0,\"meter_set\":[{\"meter_id\":\"flow\",\"data\":[]},{\"meter_id\":\"flow\",\"data\":[]}]}",
        "{\"ret_code\":1.5,\"message\":\"odd\"}",
        "{\"message\":\"no code\"}",
        "[{\"ret_code\":0}]",
    })
    void reports_answers_of_the_wrong_shape_as_malformed(String body) {
        vendor.then(StubVendor.Reply.json(200, body));

        SourceFailure failure = fetch(source(Clock.systemUTC()), anHour()).getLeft();

        assertThat(failure.kind()).as(body).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void an_http_error_without_the_vendors_envelope_is_a_vendor_error_quoting_the_status() {
        vendor.then(StubVendor.Reply.json(403, "<html>Forbidden</html>"));

        SourceFailure failure = fetch(source(Clock.systemUTC()), anHour()).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_ERROR);
        assertThat(failure.message()).contains("HTTP 403", "Forbidden");
        assertThat(vendor.requests()).hasSize(1);
    }

    @Test
    void http_throttling_is_retried_and_honours_retry_after() {
        vendor.then(StubVendor.Reply.json(429, "").withHeader("Retry-After", "0"))
                .then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "gaps-na-and-offsets.json")));

        assertThat(fetch(source(Clock.systemUTC()), anHour()).isRight()).isTrue();
        assertThat(vendor.requests()).hasSize(2);
    }

    @Test
    void refuses_a_call_for_another_source_or_a_metric_it_does_not_serve_without_sending_it() {
        QingCloudTrafficSource source = source(Clock.systemUTC());
        PlannedCall zenlayer = new PlannedCall(new ZenlayerPrivateConnect("pc-1"), anHour().window(),
                Step.FIVE_MINUTES, Set.of(Metric.BITRATE_IN));
        PlannedCall total = call("2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", Step.FIVE_MINUTES,
                Set.of(Metric.VOLUME_TOTAL));

        for (PlannedCall wrong : List.of(zenlayer, total)) {
            SourceFailure failure = fetch(source, wrong).getLeft();
            assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_ERROR);
            assertThat(failure.message()).containsAnyOf("serves only QingCloudWanAccess", "the call asked for");
        }
        assertThat(vendor.requests()).isEmpty();
    }

    @Test
    void describes_itself_by_vendor_and_endpoint_only() {
        QingCloudTrafficSource source = source(Clock.systemUTC());

        assertThat(source.toString()).contains("QingCloud", "GetWanMonitor", vendor.endpoint().toString())
                .doesNotContain(SECRET);
        assertThat(source.sources()).containsExactly(Source.QINGCLOUD_WAN);
    }

    @Test
    void the_secret_is_sent_nowhere_in_clear() {
        vendor.then(StubVendor.Reply.json(200, Fixtures.text("qingcloud", "gaps-na-and-offsets.json")));

        fetch(source(Clock.systemUTC()), anHour());

        StubVendor.Request request = vendor.requests().get(0);
        List<String> sent = new ArrayList<>(List.of(request.rawQuery(), request.bodyText()));
        sent.add(request.headers().toString());
        assertThat(String.join("\n", sent)).doesNotContain(SECRET);
        assertThat(Arrays.asList(request.rawQuery().split("&"))).anyMatch(p -> p.startsWith("access_key_id="));
    }
}
