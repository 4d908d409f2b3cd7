package dev.trafficlens.adapters.tencentvpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentVpnConnection;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter against a stub vendor: what goes on the wire, how both directions combine, and what it refuses. */
class TencentVpcTrafficSourceTest {

    private static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA";
    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA";
    private static final TencentVpnConnection TUNNEL = TencentVpcContractTest.TUNNEL;
    private static final TimeWindow NEW_YEARS_DAY = TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-02T00:10:00Z");

    private final StubVendor vendor = StubVendor.start();
    private final AtomicInteger nonces = new AtomicInteger(1000);
    private final SteppingClock clock = new SteppingClock(NOW);

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void sends_one_signed_get_per_metric_with_the_documented_parameters_in_beijing_time() {
        vendor.then(request -> StubVendor.Reply.json(200, VendorBodies.success(1, 2, 3)));

        fetch(new TencentVpcTrafficSource(config(vendor.endpoint()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()),
                aDay(Metric.BITRATE_IN, Metric.BITRATE_OUT));

        assertThat(vendor.requests()).hasSize(2);
        assertThat(vendor.requests()).extracting(request -> params(request).get("metricName"))
                .containsExactlyInAnyOrder("intraffic", "outtraffic");
        for (StubVendor.Request request : vendor.requests()) {
            Map<String, String> params = params(request);
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/v2/index.php");
            assertThat(params).containsEntry("Action", "DescribeVpnConnMonitor")
                    .containsEntry("Region", "ap-guangzhou")
                    .containsEntry("Timestamp", Long.toString(NOW.getEpochSecond()))
                    .containsEntry("SecretId", SECRET_ID)
                    .containsEntry("SignatureMethod", "HmacSHA256")
                    .containsEntry("vpcId", "vpc-03vihbk9")
                    .containsEntry("vpnGwId", "vpngw-dystbrkv")
                    .containsEntry("vpnConnId", "vpnx-ol6bcqp0")
                    .containsEntry("starttime", "2026-01-01 08:00:00")
                    .containsEntry("endtime", "2026-01-02 08:00:00")
                    .containsKeys("Nonce", "Signature")
                    .hasSize(13);
            assertThat(Integer.parseInt(params.get("Nonce"))).isGreaterThan(1000);
            assertThat(params.get("Signature")).isEqualTo(expectedSignature(params));
        }
    }

    @Test
    void values_go_on_the_wire_percent_encoded_once() {
        vendor.then(request -> StubVendor.Reply.json(200, VendorBodies.success(1)));

        fetch(source(vendor.endpoint()), aDay(Metric.BITRATE_OUT));

        String rawQuery = vendor.requests().get(0).rawQuery();
        assertThat(rawQuery).contains("starttime=2026-01-01%2008%3A00%3A00")
                .doesNotContain(" ").doesNotContain("+").doesNotContain("%25");
        assertThat(rawQuery).containsPattern("Signature=[A-Za-z0-9%]+%3D(&|$)");
    }

    @Test
    void each_direction_gets_its_own_values() {
        vendor.then(request -> StubVendor.Reply.json(200, params(request).get("metricName").equals("intraffic")
                ? VendorBodies.success(100, 200, 300) : VendorBodies.success(7, 8, 9)));

        SourceAnswer answer = fetch(source(vendor.endpoint()), aDay(Metric.BITRATE_IN, Metric.BITRATE_OUT)).get();

        assertThat(answer.series()).extracting(TrafficSeries::metric)
                .containsExactly(Metric.BITRATE_IN, Metric.BITRATE_OUT);
        assertThat(head(answer.series(Metric.BITRATE_IN).orElseThrow(), 4)).containsExactly(100, 200, 300, Double.NaN);
        assertThat(head(answer.series(Metric.BITRATE_OUT).orElseThrow(), 4)).containsExactly(7, 8, 9, Double.NaN);
        assertThat(answer.series(Metric.BITRATE_OUT).orElseThrow().window()).isEqualTo(NEW_YEARS_DAY);
        assertThat(answer.vendorFigures()).isEmpty();
    }

    @Test
    void only_the_metrics_asked_for_are_requested() {
        vendor.then(request -> StubVendor.Reply.json(200, VendorBodies.success(5)));

        SourceAnswer answer = fetch(source(vendor.endpoint()), aDay(Metric.BITRATE_IN)).get();

        assertThat(vendor.requests()).singleElement()
                .satisfies(request -> assertThat(params(request)).containsEntry("metricName", "intraffic"));
        assertThat(answer.series()).extracting(TrafficSeries::metric).containsExactly(Metric.BITRATE_IN);
    }

    @Test
    void the_call_fails_with_the_failure_of_either_direction() {
        vendor.then(request -> params(request).get("metricName").equals("outtraffic")
                ? StubVendor.Reply.json(200, VendorBodies.error(5000, "InvalidVpnConn.NotFound", "gone"))
                : StubVendor.Reply.json(200, VendorBodies.success(1, 2, 3)));

        SourceFailure failure = fetch(source(vendor.endpoint()), aDay(Metric.BITRATE_IN, Metric.BITRATE_OUT)).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue("InvalidVpnConn.NotFound");
        assertThat(failure.message()).contains("outtraffic").contains("vpnx-ol6bcqp0")
                .doesNotContain("Signature").doesNotContain(SECRET_KEY).doesNotContain("index.php");
    }

    @Test
    void every_retry_is_signed_afresh_with_the_current_time_and_a_new_nonce() {
        vendor.then(StubVendor.Reply.json(503, "{\"message\":\"busy\"}"))
                .then(request -> StubVendor.Reply.json(200, VendorBodies.success(1)));
        TencentVpcTrafficSource source = new TencentVpcTrafficSource(config(vendor.endpoint())
                .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(3)
                        .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)).withDeadline(Duration.ofSeconds(10)))
                .build());

        assertThat(fetch(source, aDay(Metric.BITRATE_OUT)).isRight()).isTrue();

        List<Map<String, String>> sent = vendor.requests().stream().map(TencentVpcTrafficSourceTest::params).toList();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).get("Timestamp")).isNotEqualTo(sent.get(0).get("Timestamp"));
        assertThat(sent.get(1).get("Nonce")).isNotEqualTo(sent.get(0).get("Nonce"));
        assertThat(sent).allSatisfy(params -> assertThat(params.get("Signature")).isEqualTo(expectedSignature(params)));
    }

    @Test
    void a_window_longer_than_two_days_is_refused_without_calling_the_vendor() {
        PlannedCall threeDays = new PlannedCall(TUNNEL, TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-04T00:00:00Z"),
                Step.FIVE_MINUTES, Set.of(Metric.BITRATE_IN));

        SourceFailure failure = fetch(source(vendor.endpoint()), threeDays).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_ERROR);
        assertThat(failure.message()).contains("must be split");
        assertThat(vendor.requests()).isEmpty();
    }

    @Test
    void a_window_of_exactly_two_days_is_asked_in_one_request_per_metric() {
        vendor.then(request -> StubVendor.Reply.json(200, VendorBodies.success(1)));
        PlannedCall twoDays = new PlannedCall(TUNNEL, TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z"),
                Step.FIVE_MINUTES, Set.of(Metric.BITRATE_OUT));

        SourceAnswer answer = fetch(source(vendor.endpoint()), twoDays).get();

        assertThat(params(vendor.requests().get(0))).containsEntry("starttime", "2026-01-01 08:00:00")
                .containsEntry("endtime", "2026-01-03 08:00:00");
        assertThat(answer.series().get(0).size()).isEqualTo(576);
    }

    @Test
    void values_past_the_window_are_ignored_and_missing_ones_stay_missing() {
        PlannedCall halfHour = new PlannedCall(TUNNEL, TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-01T00:30:00Z"),
                Step.FIVE_MINUTES, Set.of(Metric.BITRATE_OUT));
        vendor.then(request -> StubVendor.Reply.json(200, VendorBodies.success(1, 2, 3, 4, 5, 6, 7, 8)));

        TrafficSeries series = fetch(source(vendor.endpoint()), halfHour).get().series().get(0);

        assertThat(series.values()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void calls_the_vendor_cannot_answer_are_refused_without_calling_it() {
        TencentVpcTrafficSource source = source(vendor.endpoint());
        List<PlannedCall> refused = List.of(
                new PlannedCall(TUNNEL, NEW_YEARS_DAY, Step.ONE_HOUR, Set.of(Metric.BITRATE_IN)),
                new PlannedCall(TUNNEL, NEW_YEARS_DAY, Step.FIVE_MINUTES, Set.of(Metric.VOLUME_IN)),
                new PlannedCall(new ZenlayerPrivateConnect("pc-1"), NEW_YEARS_DAY, Step.FIVE_MINUTES,
                        Set.of(Metric.BITRATE_IN)));

        for (PlannedCall call : refused) {
            assertThat(fetch(source, call).getLeft().kind()).as("%s", call).isEqualTo(ErrorKind.VENDOR_ERROR);
        }
        assertThat(vendor.requests()).isEmpty();
    }

    @Test
    void a_base_path_on_the_endpoint_is_kept_and_signed() {
        vendor.then(request -> StubVendor.Reply.json(200, VendorBodies.success(1)));
        URI behindAProxy = URI.create(vendor.endpoint() + "/tencent");

        assertThat(fetch(source(behindAProxy), aDay(Metric.BITRATE_OUT)).isRight()).isTrue();

        StubVendor.Request request = vendor.requests().get(0);
        assertThat(request.path()).isEqualTo("/tencent/v2/index.php");
        Map<String, String> params = params(request);
        assertThat(params.get("Signature")).isEqualTo(TencentVpcSigner.signGet(
                hostOf(vendor.endpoint()), "/tencent/v2/index.php", params, Secret.of(SECRET_KEY)));
    }

    @Test
    void serves_the_tencent_vpn_connection_source_and_describes_itself_without_credentials() {
        TencentVpcTrafficSource source = source(vendor.endpoint());

        assertThat(source.sources()).containsExactly(Source.TENCENT_VPN_CONNECTION);
        assertThat(source.toString()).contains("DescribeVpnConnMonitor").contains(vendor.endpoint().toString())
                .doesNotContain(SECRET_KEY).doesNotContain(SECRET_ID);
    }

    private TencentVpcTrafficSource source(URI endpoint) {
        return new TencentVpcTrafficSource(config(endpoint).build());
    }

    private TencentVpcConfig.Builder config(URI endpoint) {
        return TencentVpcConfig.builder()
                .endpoint(endpoint)
                .secretId(SECRET_ID)
                .secretKey(SECRET_KEY)
                .clock(clock)
                .nonceSource(nonces::incrementAndGet)
                .rateLimit(RateLimit.assumedPerSecond(1000))
                .retryPolicy(RetryPolicy.noRetries(Duration.ofSeconds(10)));
    }

    private static PlannedCall aDay(Metric... metrics) {
        return new PlannedCall(TUNNEL, NEW_YEARS_DAY, Step.FIVE_MINUTES, Set.of(metrics));
    }

    private static Either<SourceFailure, SourceAnswer> fetch(TencentVpcTrafficSource source, PlannedCall call) {
        return source.fetch(call).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
    }

    private String expectedSignature(Map<String, String> params) {
        return TencentVpcSigner.signGet(hostOf(vendor.endpoint()), "/v2/index.php", params, Secret.of(SECRET_KEY));
    }

    private static String hostOf(URI endpoint) {
        return endpoint.getHost() + ":" + endpoint.getPort();
    }

    private static double[] head(TrafficSeries series, int count) {
        return Arrays.copyOf(series.values(), count);
    }

    /** The query as the vendor decodes it. */
    static Map<String, String> params(StubVendor.Request request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : request.rawQuery().split("&")) {
            int equals = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** A clock that moves a second on every reading, so two attempts never share a Timestamp. */
    private static final class SteppingClock extends Clock {

        private final AtomicInteger readings = new AtomicInteger();
        private final Instant start;

        SteppingClock(Instant start) {
            this.start = start;
        }

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
            return start.plusSeconds(readings.getAndIncrement());
        }
    }
}
