package dev.trafficlens.adapters.tencentmna;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The adapter on the wire: what it sends for a call, and how it assembles the answers of its requests. */
class TencentMnaTrafficSourceTest {

    private static final String SECRET_ID = "AKIDtrafficlensTest";
    private static final Secret SECRET_KEY = Secret.of("test-secret-key-that-must-not-leak");
    private static final Instant JAN_10 = Instant.parse("2026-01-10T00:00:00Z");
    private static final TimeWindow NEW_YEARS_DAY = TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
    private static final TencentMnaRegion MAINLAND = new TencentMnaRegion(0, Optional.of("MC"));
    private static final Set<Metric> ALL = Set.of(Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL);

    private StubVendor vendor;

    @BeforeEach
    void startVendor() {
        vendor = StubVendor.start();
    }

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void sends_one_signed_request_per_metric_with_the_documented_headers_and_body() {
        vendor.then(this::hourlyAnswerByType);

        SourceAnswer answer = fetch(source(Clock.fixed(JAN_10, ZoneOffset.UTC)),
                new PlannedCall(MAINLAND, NEW_YEARS_DAY, Step.ONE_HOUR, ALL)).get();

        assertThat(vendor.requests()).hasSize(3);
        assertThat(vendor.requests()).extracting(StubVendor.Request::bodyText).containsExactlyInAnyOrder(
                "{\"BeginTime\":1767225600,\"EndTime\":1767312000,\"Type\":1,\"TimeGranularity\":1,\"GatewayType\":0,"
                        + "\"AccessRegion\":\"MC\"}",
                "{\"BeginTime\":1767225600,\"EndTime\":1767312000,\"Type\":2,\"TimeGranularity\":1,\"GatewayType\":0,"
                        + "\"AccessRegion\":\"MC\"}",
                "{\"BeginTime\":1767225600,\"EndTime\":1767312000,\"Type\":3,\"TimeGranularity\":1,\"GatewayType\":0,"
                        + "\"AccessRegion\":\"MC\"}");
        TencentMnaSigner independentOfTheAdapter = new TencentMnaSigner(SECRET_ID, SECRET_KEY, "mna");
        for (StubVendor.Request request : vendor.requests()) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("X-TC-Action")).isEqualTo("GetFlowStatisticByRegion");
            assertThat(request.header("X-TC-Version")).isEqualTo("2021-01-19");
            assertThat(request.header("X-TC-Timestamp")).isEqualTo("1768003200");
            assertThat(request.header("Host")).isEqualTo(hostOf(vendor.endpoint()));
            assertThat(request.header("Authorization")).as("signed over the bytes sent and the Host used")
                    .isEqualTo(independentOfTheAdapter.authorization(
                            request.header("Host"), "application/json", request.body(), 1768003200));
        }
        // uplink is what leaves the customer (OUT), downlink what arrives (IN)
        assertThat(answer.series(Metric.VOLUME_OUT).orElseThrow().valueAt(5)).isEqualTo(1_000 + 5);
        assertThat(answer.series(Metric.VOLUME_IN).orElseThrow().valueAt(5)).isEqualTo(2_000 + 5);
        assertThat(answer.series(Metric.VOLUME_TOTAL).orElseThrow().valueAt(5)).isEqualTo(3_000 + 5);
        assertThat(answer.series()).allSatisfy(series -> {
            assertThat(series.window()).isEqualTo(NEW_YEARS_DAY);
            assertThat(series.step()).isEqualTo(Step.ONE_HOUR);
            assertThat(series.presentCount()).isEqualTo(24);
        });
        assertThat(answer.vendorFigures()).contains(
                new VendorFigure("TotalValue", Metric.VOLUME_IN, 24 * 2_000 + 276, "B"),
                new VendorFigure("MaxValue", Metric.VOLUME_TOTAL, 3_023, "B"));
        assertThat(answer.vendorFigures()).hasSize(9);
    }

    @Test
    void sends_the_metrics_requests_at_once() {
        CountDownLatch allThreeInFlight = new CountDownLatch(3);
        vendor.then(request -> {
            allThreeInFlight.countDown();
            try {
                // Each reply waits for the other two requests: sequential requests would time out here.
                boolean together = allThreeInFlight.await(5, TimeUnit.SECONDS);
                return together ? hourlyAnswerByType(request) : MnaBodies.errorReply("Sequential", "one at a time");
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return MnaBodies.errorReply("Interrupted", "stopped");
            }
        });

        Either<SourceFailure, SourceAnswer> answer = fetch(source(Clock.fixed(JAN_10, ZoneOffset.UTC)),
                new PlannedCall(MAINLAND, NEW_YEARS_DAY, Step.ONE_HOUR, ALL));

        assertThat(answer.isRight()).as("%s", answer).isTrue();
    }

    @Test
    void all_regions_leave_the_access_region_out() {
        vendor.then(this::hourlyAnswerByType);

        fetch(source(Clock.fixed(JAN_10, ZoneOffset.UTC)),
                new PlannedCall(TencentMnaRegion.allRegions(1), NEW_YEARS_DAY, Step.ONE_HOUR,
                        Set.of(Metric.VOLUME_TOTAL)));

        assertThat(vendor.requests()).singleElement().extracting(StubVendor.Request::bodyText).isEqualTo(
                "{\"BeginTime\":1767225600,\"EndTime\":1767312000,\"Type\":3,\"TimeGranularity\":1,\"GatewayType\":1}");
    }

    @ParameterizedTest(name = "{0} is TimeGranularity {1}")
    @CsvSource({"1m, 3", "5m, 4", "1h, 1", "1d, 2"})
    void asks_for_the_granularity_of_the_step(String label, int granularity) {
        Step step = Step.parse(label).get();
        TimeWindow window = TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z");
        vendor.then(MnaBodies.flowReply(Map.of(window.from(), 42.0)));

        SourceAnswer answer = fetch(source(Clock.fixed(JAN_10, ZoneOffset.UTC)),
                new PlannedCall(MAINLAND, window, step, Set.of(Metric.VOLUME_IN))).get();

        assertThat(requestField(0, "TimeGranularity")).isEqualTo(granularity);
        TrafficSeries series = answer.series(Metric.VOLUME_IN).orElseThrow();
        assertThat(series.step()).isEqualTo(step);
        assertThat(series.valueAt(0)).isEqualTo(42.0);
        assertThat(series.presentCount()).isEqualTo(1);
    }

    @Test
    void a_step_the_api_cannot_plan_fails_without_asking() {
        Either<SourceFailure, SourceAnswer> answer = fetch(source(Clock.fixed(JAN_10, ZoneOffset.UTC)),
                new PlannedCall(MAINLAND, NEW_YEARS_DAY, Step.FIFTEEN_MINUTES, ALL));

        assertThat(answer.getLeft().kind()).isEqualTo(ErrorKind.VENDOR_ERROR);
        assertThat(answer.getLeft().message()).contains("15m");
        assertThat(vendor.requests()).isEmpty();
    }

    @Test
    void a_metric_the_api_does_not_serve_fails_without_asking() {
        Either<SourceFailure, SourceAnswer> answer = fetch(source(Clock.fixed(JAN_10, ZoneOffset.UTC)),
                new PlannedCall(MAINLAND, NEW_YEARS_DAY, Step.ONE_HOUR, Set.of(Metric.VOLUME_IN, Metric.BITRATE_IN)));

        assertThat(answer.getLeft().kind()).isEqualTo(ErrorKind.VENDOR_ERROR);
        assertThat(vendor.requests()).isEmpty();
    }

    @Test
    void another_sources_resource_fails_without_asking() {
        Either<SourceFailure, SourceAnswer> answer = fetch(source(Clock.fixed(JAN_10, ZoneOffset.UTC)),
                new PlannedCall(new ZenlayerPrivateConnect("pc-1"), NEW_YEARS_DAY, Step.ONE_HOUR, ALL));

        assertThat(answer.getLeft().kind()).isEqualTo(ErrorKind.VENDOR_ERROR);
        assertThat(answer.getLeft().message()).contains("TencentMnaRegion");
        assertThat(vendor.requests()).isEmpty();
    }

    @Test
    void a_window_reaching_past_now_ends_the_request_at_now() {
        Instant now = Instant.parse("2026-01-01T12:34:56Z");
        Map<Instant, Double> morning = new LinkedHashMap<>();
        for (int hour = 0; hour <= 12; hour++) {
            morning.put(NEW_YEARS_DAY.from().plus(Duration.ofHours(hour)), 100.0 + hour);
        }
        vendor.then(MnaBodies.flowReply(morning));

        SourceAnswer answer = fetch(source(Clock.fixed(now, ZoneOffset.UTC)),
                new PlannedCall(MAINLAND, NEW_YEARS_DAY, Step.ONE_HOUR, Set.of(Metric.VOLUME_TOTAL))).get();

        assertThat(requestField(0, "BeginTime")).isEqualTo(1767225600L);
        assertThat(requestField(0, "EndTime")).isEqualTo(now.getEpochSecond());
        TrafficSeries series = answer.series(Metric.VOLUME_TOTAL).orElseThrow();
        assertThat(series.window()).as("the series still covers the whole call").isEqualTo(NEW_YEARS_DAY);
        assertThat(series.valueAt(12)).isEqualTo(112.0);
        assertThat(series.isPresent(13)).isFalse();
    }

    @Test
    void a_window_wholly_in_the_future_is_all_missing_without_asking() {
        SourceAnswer answer = fetch(source(Clock.fixed(Instant.parse("2025-12-31T23:59:59Z"), ZoneOffset.UTC)),
                new PlannedCall(MAINLAND, NEW_YEARS_DAY, Step.ONE_HOUR, ALL)).get();

        assertThat(vendor.requests()).isEmpty();
        assertThat(answer.series()).hasSize(3).allSatisfy(series -> {
            assertThat(series.window()).isEqualTo(NEW_YEARS_DAY);
            assertThat(series.presentCount()).isZero();
        });
    }

    @Test
    void one_failing_metric_fails_the_call_with_that_failure() {
        vendor.then(request -> type(request) == 2
                ? MnaBodies.errorReply("ResourceNotFound", "no such region")
                : hourlyAnswerByType(request));

        SourceFailure failure = fetch(source(Clock.fixed(JAN_10, ZoneOffset.UTC)),
                new PlannedCall(MAINLAND, NEW_YEARS_DAY, Step.ONE_HOUR, ALL)).getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure.vendorCode()).hasValue("ResourceNotFound");
        assertThat(failure.requestId()).hasValue(MnaBodies.REQUEST_ID);
        assertThat(failure.message()).contains(Source.TENCENT_MNA_REGION.id(), "VOLUME_IN", "no such region");
    }

    @Test
    void every_attempt_is_signed_afresh_with_the_current_time() {
        TickingClock clock = new TickingClock(JAN_10);
        vendor.then(MnaBodies.errorReply("InternalError", "try again"))
                .then(MnaBodies.flowReply(Map.of(NEW_YEARS_DAY.from(), 1.0)));

        Either<SourceFailure, SourceAnswer> answer = fetch(source(clock),
                new PlannedCall(MAINLAND, NEW_YEARS_DAY, Step.ONE_HOUR, Set.of(Metric.VOLUME_TOTAL)));

        assertThat(answer.isRight()).as("%s", answer).isTrue();
        List<StubVendor.Request> requests = vendor.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).bodyText()).as("the body is serialised once").isEqualTo(requests.get(1).bodyText());
        assertThat(requests.get(1).header("X-TC-Timestamp")).isNotEqualTo(requests.get(0).header("X-TC-Timestamp"));
        TencentMnaSigner signer = new TencentMnaSigner(SECRET_ID, SECRET_KEY, "mna");
        for (StubVendor.Request request : requests) {
            long timestamp = Long.parseLong(request.header("X-TC-Timestamp"));
            assertThat(request.header("Authorization")).isEqualTo(
                    signer.authorization(request.header("Host"), "application/json", request.body(), timestamp));
        }
    }

    @Test
    void http_throttling_is_waited_out_as_the_vendor_asks() {
        vendor.then(StubVendor.Reply.json(429, "{}").withHeader("Retry-After", "0"))
                .then(MnaBodies.flowReply(Map.of(NEW_YEARS_DAY.from(), 5.0)));

        SourceAnswer answer = fetch(source(Clock.fixed(JAN_10, ZoneOffset.UTC)),
                new PlannedCall(MAINLAND, NEW_YEARS_DAY, Step.ONE_HOUR, Set.of(Metric.VOLUME_IN))).get();

        assertThat(vendor.requests()).hasSize(2);
        assertThat(answer.series(Metric.VOLUME_IN).orElseThrow().valueAt(0)).isEqualTo(5.0);
    }

    @Test
    void an_endpoint_with_a_base_path_keeps_it() {
        vendor.then(MnaBodies.flowReply(Map.of()));
        URI proxied = URI.create(vendor.endpoint() + "/mna-proxy");

        fetch(new TencentMnaTrafficSource(config(Clock.fixed(JAN_10, ZoneOffset.UTC)).endpoint(proxied).build()),
                new PlannedCall(MAINLAND, NEW_YEARS_DAY, Step.ONE_HOUR, Set.of(Metric.VOLUME_TOTAL)));

        assertThat(vendor.requests()).singleElement().extracting(StubVendor.Request::path).isEqualTo("/mna-proxy/");
    }

    @Test
    void serves_the_mna_region_source_and_describes_itself_without_credentials() {
        TencentMnaTrafficSource source = source(Clock.fixed(JAN_10, ZoneOffset.UTC));

        assertThat(source.sources()).containsExactly(Source.TENCENT_MNA_REGION);
        assertThat(source.toString()).contains("Tencent Cloud", "GetFlowStatisticByRegion", vendor.endpoint().toString())
                .doesNotContain(SECRET_KEY.reveal());
    }

    private TencentMnaTrafficSource source(Clock clock) {
        return new TencentMnaTrafficSource(config(clock).build());
    }

    private TencentMnaConfig.Builder config(Clock clock) {
        return TencentMnaConfig.builder()
                .endpoint(vendor.endpoint())
                .secretId(SECRET_ID)
                .secretKey(SECRET_KEY)
                .rateLimit(RateLimit.assumedPerSecond(1000))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(20), Duration.ofSeconds(10)))
                .clock(clock);
    }

    private static Either<SourceFailure, SourceAnswer> fetch(TencentMnaTrafficSource source, PlannedCall call) {
        return source.fetch(call).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
    }

    /** Every hour of New Year's Day: Type × 1,000 + the hour, so each metric's values are recognisable. */
    private StubVendor.Reply hourlyAnswerByType(StubVendor.Request request) {
        int type = type(request);
        Map<Instant, Double> hours = new LinkedHashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.put(NEW_YEARS_DAY.from().plus(Duration.ofHours(hour)), type * 1_000.0 + hour);
        }
        return MnaBodies.flowReply(hours);
    }

    private static int type(StubVendor.Request request) {
        return JsonBodies.MAPPER.readTree(request.body()).get("Type").asInt();
    }

    /** An integer field of the body of request {@code index}. */
    private long requestField(int index, String field) {
        return JsonBodies.MAPPER.readTree(vendor.requests().get(index).body()).get(field).longValue();
    }

    private static String hostOf(URI endpoint) {
        return endpoint.getHost() + ":" + endpoint.getPort();
    }

    /** A clock one second later at every reading, so each attempt's timestamp differs. */
    private static final class TickingClock extends Clock {

        private final AtomicLong seconds;

        TickingClock(Instant start) {
            this.seconds = new AtomicLong(start.getEpochSecond());
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
            return Instant.ofEpochSecond(seconds.getAndIncrement());
        }
    }
}
