package dev.trafficlens.contract.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import dev.trafficlens.adapters.qingcloud.QingCloudConfig;
import dev.trafficlens.adapters.qingcloud.QingCloudTrafficSource;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficError;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.TrafficModel.Direction;
import dev.trafficlens.sandbox.VendorSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real QingCloud adapter, through the domain's query service, against the sandbox's GetWanMonitor: a 30-day
 * window comes back exactly as the sandbox's traffic model generated it, gaps as missing samples, in one call a day.
 */
class QingCloudEndToEndTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant FROM = Instant.parse("2026-10-26T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-25T00:00:00Z");
    private static final long FIVE_MINUTES = 300;

    private static VendorSandbox sandbox;
    private static String resource;

    @BeforeAll
    static void start() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(CLOCK));
        resource = aResourceShowingEveryGapForm(sandbox.traffic());
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

    @Test
    void a_30_day_window_is_exactly_the_traffic_model_in_30_one_day_calls() {
        TrafficResult result = run(TrafficQuery.of(QingCloudWanAccess.of("pek3", resource, "vpc"), FROM, TO))
                .result().get();

        TrafficModel traffic = sandbox.traffic();
        assertThat(result.step()).isEqualTo(Step.FIVE_MINUTES);
        assertThat(result.series(Metric.BITRATE_IN)).contains(expected(Metric.BITRATE_IN,
                slot -> traffic.bitsPerSecond(resource, Direction.IN, slot)));
        assertThat(result.series(Metric.BITRATE_OUT)).contains(expected(Metric.BITRATE_OUT,
                slot -> traffic.bitsPerSecond(resource, Direction.OUT, slot)));
        assertThat(result.series(Metric.VOLUME_IN)).contains(expected(Metric.VOLUME_IN,
                slot -> traffic.isGap(resource, slot) ? Double.NaN : traffic.bytesInSlot(resource, Direction.IN, slot)));
        assertThat(result.series(Metric.VOLUME_OUT)).contains(expected(Metric.VOLUME_OUT,
                slot -> traffic.isGap(resource, slot) ? Double.NaN : traffic.bytesInSlot(resource, Direction.OUT, slot)));
        assertThat(result.series(Metric.PACKET_RATE_IN)).contains(expected(Metric.PACKET_RATE_IN,
                slot -> traffic.packetsPerSecond(resource, Direction.IN, slot)));
        assertThat(result.series(Metric.PACKET_RATE_OUT)).contains(expected(Metric.PACKET_RATE_OUT,
                slot -> traffic.packetsPerSecond(resource, Direction.OUT, slot)));
        assertThat(result.series(Metric.BITRATE_IN).orElseThrow().presentCount())
                .isLessThan(30 * 288).isGreaterThan(30 * 288 * 95 / 100);
        assertThat(sandbox.calls().of("GetWanMonitor")).isEqualTo(30);
    }

    @Test
    void an_hourly_query_is_served_at_the_vendor_s_one_hour_step() {
        TrafficResult result = run(TrafficQuery.of(QingCloudWanAccess.of("pek3", resource, "vpc"), FROM, TO)
                .withStep(Step.ONE_HOUR).withMetrics(Metric.BITRATE_IN, Metric.VOLUME_OUT)).result().get();

        TrafficModel traffic = sandbox.traffic();
        TrafficSeries rate = result.series(Metric.BITRATE_IN).orElseThrow();
        TrafficSeries volume = result.series(Metric.VOLUME_OUT).orElseThrow();
        assertThat(rate.size()).isEqualTo(30 * 24);
        for (int i = 0; i < rate.size(); i++) {
            long hour = rate.timeAt(i).getEpochSecond();
            double bits = 0;
            double bytes = 0;
            int present = 0;
            for (long slot = hour; slot < hour + 3600; slot += FIVE_MINUTES) {
                if (!traffic.isGap(resource, slot)) {
                    present++;
                    bits += traffic.bitsPerSecond(resource, Direction.IN, slot);
                    bytes += traffic.bytesInSlot(resource, Direction.OUT, slot);
                }
            }
            assertThat(rate.valueAt(i)).isCloseTo(bits / present, withPercentage(1e-9));
            assertThat(volume.valueAt(i)).isEqualTo(bytes);
        }
        assertThat(sandbox.calls().of("GetWanMonitor")).isEqualTo(30);
    }

    @Test
    void an_unknown_access_point_is_not_found() {
        QueryOutcome outcome = run(TrafficQuery.of(QingCloudWanAccess.of("pek3", "missing-waif-1", "vpc"),
                TO.minus(Duration.ofDays(1)), TO));

        assertThat(outcome.errors()).extracting(TrafficError::kind).containsOnly(ErrorKind.NOT_FOUND);
        assertThat(vendorCodes(outcome)).containsOnly("2100");
    }

    @Test
    void a_wrong_secret_is_unauthenticated_and_not_retried() {
        QueryOutcome outcome = run(adapter(QingCloudConfig.builder().endpoint(sandbox.baseUrl())
                        .accessKeyId(sandbox.credentials().accessKeyId()).secretAccessKey("not-the-secret")
                        .clock(CLOCK).retryPolicy(quickRetries())),
                TrafficQuery.of(QingCloudWanAccess.of("pek3", resource, "vpc"), TO.minus(Duration.ofDays(1)), TO));

        assertThat(outcome.errors()).extracting(TrafficError::kind).containsOnly(ErrorKind.UNAUTHENTICATED);
        assertThat(vendorCodes(outcome)).containsOnly("1200");
        assertThat(sandbox.calls().of("GetWanMonitor")).isEqualTo(1);
    }

    @Test
    void a_client_clock_two_minutes_off_is_refused_as_expired() {
        Clock late = Clock.offset(CLOCK, Duration.ofMinutes(2));
        QueryOutcome outcome = run(adapter(configured().clock(late)),
                TrafficQuery.of(QingCloudWanAccess.of("pek3", resource, "vpc"), TO.minus(Duration.ofDays(1)), TO));

        assertThat(outcome.errors()).extracting(TrafficError::kind).containsOnly(ErrorKind.UNAUTHENTICATED);
        assertThat(vendorCodes(outcome)).containsOnly("1300");
    }

    @Test
    void throttling_is_rate_limited() {
        sandbox.faults().add(FaultRule.forResources(resource, FaultRule.Kind.THROTTLED));

        QueryOutcome outcome = run(TrafficQuery.of(QingCloudWanAccess.of("pek3", resource, "vpc"),
                TO.minus(Duration.ofDays(1)), TO));

        assertThat(outcome.errors()).extracting(TrafficError::kind).containsOnly(ErrorKind.RATE_LIMITED);
        assertThat(vendorCodes(outcome)).containsOnly("2500");
    }

    @Test
    void an_internal_error_is_retried_then_vendor_unavailable() {
        sandbox.faults().add(FaultRule.forResources(resource, FaultRule.Kind.SERVER_ERROR));

        QueryOutcome outcome = run(TrafficQuery.of(QingCloudWanAccess.of("pek3", resource, "vpc"),
                TO.minus(Duration.ofDays(1)), TO));

        assertThat(outcome.errors()).extracting(TrafficError::kind).containsOnly(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(vendorCodes(outcome)).containsOnly("5000");
        assertThat(sandbox.calls().of("GetWanMonitor")).isEqualTo(quickRetries().maxAttempts());
    }

    @Test
    void a_truncated_answer_is_a_malformed_response() {
        sandbox.faults().add(FaultRule.forResources(resource, FaultRule.Kind.TRUNCATED));

        QueryOutcome outcome = run(TrafficQuery.of(QingCloudWanAccess.of("pek3", resource, "vpc"),
                TO.minus(Duration.ofDays(1)), TO));

        assertThat(outcome.errors()).extracting(TrafficError::kind).containsOnly(ErrorKind.MALFORMED_RESPONSE);
    }

    private static QueryOutcome run(TrafficQuery query) {
        return run(adapter(configured()), query);
    }

    private static QueryOutcome run(QingCloudTrafficSource adapter, TrafficQuery query) {
        TrafficQueryService service = new TrafficQueryService(List.of(adapter), CLOCK, QuerySettings.DEFAULTS);
        List<QueryOutcome> outcomes = service.run(List.of(query)).toCompletableFuture().join();
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    private static QingCloudConfig.Builder configured() {
        return QingCloudConfig.builder()
                .endpoint(sandbox.baseUrl())
                .accessKeyId(sandbox.credentials().accessKeyId())
                .secretAccessKey(sandbox.credentials().accessKeySecret())
                .clock(CLOCK)
                .retryPolicy(quickRetries());
    }

    private static QingCloudTrafficSource adapter(QingCloudConfig.Builder config) {
        return new QingCloudTrafficSource(config.build());
    }

    private static RetryPolicy quickRetries() {
        return RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
    }

    private static List<String> vendorCodes(QueryOutcome outcome) {
        return outcome.errors().stream()
                .filter(SourceFailure.class::isInstance)
                .map(error -> ((SourceFailure) error).vendorCode().orElse("(none)"))
                .toList();
    }

    /** The model's series over the window at 5 minutes: a gap slot is a missing sample. */
    private static TrafficSeries expected(Metric metric, LongToDoubleFunction value) {
        int slots = (int) Duration.between(FROM, TO).toSeconds() / (int) FIVE_MINUTES;
        double[] values = new double[slots];
        for (int i = 0; i < slots; i++) {
            values[i] = value.applyAsDouble(FROM.getEpochSecond() + i * FIVE_MINUTES);
        }
        return TrafficSeries.of(metric, FROM, Step.FIVE_MINUTES, values);
    }

    /**
     * A resource whose 30 days hold every gap form the simulator sends: a day starting in a gap (t0 after the call's
     * start), a single missing slot ("NA"), a run of missing slots (the offset form) and a day ending in a gap.
     */
    private static String aResourceShowingEveryGapForm(TrafficModel traffic) {
        Function<String, Boolean> showsAll = id -> {
            boolean dayStartsInGap = false;
            boolean dayEndsInGap = false;
            boolean single = false;
            boolean run = false;
            for (long day = FROM.getEpochSecond(); day < TO.getEpochSecond(); day += 86_400) {
                dayStartsInGap |= traffic.isGap(id, day);
                dayEndsInGap |= traffic.isGap(id, day + 86_400 - FIVE_MINUTES);
                for (long slot = day + FIVE_MINUTES; slot < day + 86_400 - 2 * FIVE_MINUTES; slot += FIVE_MINUTES) {
                    if (traffic.isGap(id, slot) && !traffic.isGap(id, slot - FIVE_MINUTES)) {
                        boolean next = traffic.isGap(id, slot + FIVE_MINUTES);
                        single |= !next;
                        run |= next;
                    }
                }
            }
            return dayStartsInGap && dayEndsInGap && single && run;
        };
        for (int i = 1; i < 100_000; i++) {
            String id = "waif-e2e-" + i;
            if (showsAll.apply(id)) {
                return id;
            }
        }
        throw new AssertionError("no resource id shows every gap form");
    }
}
