package dev.trafficlens.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Quantity;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.stats.BillingPercentile;
import dev.trafficlens.domain.stats.BillingRule;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tencent MNA's bit rate through the whole query service: the vendor is asked for bytes only, the rate is derived
 * from the stitched 1m/5m buckets before resampling, and hourly or daily buckets give none.
 */
class DerivedMetricsServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T17:07:13Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final TencentMnaRegion REGION = new TencentMnaRegion(0, Optional.of("AP"));
    private static final List<Metric> VOLUMES = List.of(Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL);

    @Test
    void a_five_minute_bit_rate_is_the_stitched_bytes_times_8_over_300_slot_by_slot_gaps_included() {
        for (long seed : new long[] {1, 2026, 11_25}) {
            FakeTrafficSource mna = randomVolumes(seed);
            TrafficQueryService service = new TrafficQueryService(List.of(mna), CLOCK, QuerySettings.DEFAULTS);

            // Ten days: a seven-day call and a three-day one, stitched before deriving.
            TrafficResult result = run(service, TrafficQuery.of(REGION, NOV_1, NOV_1.plus(Duration.ofDays(10)))
                    .withStep(Step.FIVE_MINUTES)).get(0).result().get();

            assertThat(mna.calls()).hasSize(2).allSatisfy(call -> {
                assertThat(call.step()).isEqualTo(Step.FIVE_MINUTES);
                assertThat(call.metrics()).containsExactlyInAnyOrderElementsOf(VOLUMES);
            });
            assertThat(result.series()).extracting(TrafficSeries::metric).containsExactly(
                    Metric.BITRATE_IN, Metric.BITRATE_OUT, Metric.BITRATE_TOTAL,
                    Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL);
            for (Direction direction : Direction.values()) {
                TrafficSeries bytes = result.series(Metric.of(direction, Quantity.VOLUME))
                        .orElseThrow();
                TrafficSeries rates = result.series(Metric.of(direction, Quantity.BITRATE))
                        .orElseThrow();
                assertThat(rates.size()).isEqualTo(10 * 288);
                assertThat(rates.start()).isEqualTo(NOV_1);
                assertThat(bytes.presentCount()).isLessThan(bytes.size());
                for (int i = 0; i < rates.size(); i++) {
                    double vendorBytes = volumeAt(seed, bytes.metric(), bytes.timeAt(i));
                    assertThat(Double.valueOf(bytes.valueAt(i))).isEqualTo(Double.valueOf(vendorBytes));
                    assertThat(Double.valueOf(rates.valueAt(i))).as("seed %d %s slot %d", seed, direction, i)
                            .isEqualTo(Double.valueOf(vendorBytes * 8 / 300));
                }
                assertThat(result.isDerived(rates.metric())).isTrue();
                assertThat(result.isDerived(bytes.metric())).isFalse();
                assertThat(result.refusal(rates.metric())).isEmpty();
            }
            assertThat(result.billing95(BillingRule.HIGHER_DIRECTION)).hasValue(BillingPercentile.p95(
                    rates(seed, Metric.VOLUME_IN, 10 * 288), rates(seed, Metric.VOLUME_OUT, 10 * 288),
                    BillingRule.HIGHER_DIRECTION).getAsDouble());
        }
    }

    @Test
    void a_fifteen_minute_bit_rate_averages_the_derived_five_minute_rates() {
        long seed = 15;
        FakeTrafficSource mna = randomVolumes(seed);
        TrafficQueryService service = new TrafficQueryService(List.of(mna), CLOCK, QuerySettings.DEFAULTS);

        TrafficResult result = run(service, TrafficQuery.of(REGION, NOV_1, NOV_1.plus(Duration.ofDays(2)))
                .withStep(Step.FIFTEEN_MINUTES).withMetrics(Metric.BITRATE_OUT)).get(0).result().get();

        assertThat(mna.calls()).singleElement().satisfies(call -> {
            assertThat(call.step()).isEqualTo(Step.FIVE_MINUTES);
            assertThat(call.metrics()).containsExactly(Metric.VOLUME_OUT);
        });
        TrafficSeries rates = result.series().get(0);
        assertThat(result.series()).hasSize(1);
        assertThat(rates.metric()).isEqualTo(Metric.BITRATE_OUT);
        assertThat(rates.step()).isEqualTo(Step.FIFTEEN_MINUTES);
        int missing = 0;
        for (int slot = 0; slot < rates.size(); slot++) {
            double sum = 0;
            int present = 0;
            for (int i = 0; i < 3; i++) {
                double bytes = volumeAt(seed, Metric.VOLUME_OUT, rates.timeAt(slot).plusSeconds(300L * i));
                if (!Double.isNaN(bytes)) {
                    sum += bytes * 8 / 300;
                    present++;
                }
            }
            double expected = present == 0 ? Double.NaN : sum / present;
            missing += present == 0 ? 1 : 0;
            // The resampler adds the present rates in order and divides once, as here: equal to the last bit.
            assertThat(Double.valueOf(rates.valueAt(slot))).as("slot %d", slot).isEqualTo(Double.valueOf(expected));
        }
        assertThat(rates.size() - rates.presentCount()).isEqualTo(missing);
    }

    @Test
    void an_hourly_query_without_metrics_gets_the_volumes_and_says_why_there_is_no_bit_rate() {
        FakeTrafficSource mna = randomVolumes(60);
        TrafficQueryService service = new TrafficQueryService(List.of(mna), CLOCK, QuerySettings.DEFAULTS);

        TrafficResult hourly = run(service, TrafficQuery.of(REGION, NOV_1, NOV_1.plus(Duration.ofDays(1))))
                .get(0).result().get();

        assertThat(hourly.step()).isEqualTo(Step.ONE_HOUR);
        assertThat(hourly.series()).extracting(TrafficSeries::metric).containsExactlyElementsOf(VOLUMES);
        assertThat(hourly.billing95(BillingRule.HIGHER_DIRECTION)).isEmpty();
        assertThat(hourly.refusal(Metric.BITRATE_IN)).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(ErrorKind.INVALID_QUERY);
            assertThat(problem.field()).isEqualTo("step");
            assertThat(problem.message()).startsWith("tencent.mna-region has no BITRATE_IN at step 1h")
                    .contains("not a 5-minute billing figure");
        });
        assertThat(hourly.refusal(Metric.VOLUME_IN)).isEmpty();
        assertThat(hourly.refusal(Metric.PACKET_RATE_IN)).isEmpty();
    }

    @Test
    void a_bit_rate_asked_for_at_a_daily_step_is_refused_with_every_other_problem_before_any_vendor_call() {
        FakeTrafficSource mna = randomVolumes(1440);
        TrafficQueryService service = new TrafficQueryService(List.of(mna), CLOCK, QuerySettings.DEFAULTS);

        QueryOutcome daily = run(service, TrafficQuery.of(REGION, NOV_1, NOV_1.plus(Duration.ofDays(3)))
                .withStep(Step.ONE_DAY).withMetrics(Metric.BITRATE_IN, Metric.VOLUME_IN)).get(0);
        QueryOutcome tooOld = run(service, TrafficQuery.of(REGION, NOV_1.minus(Duration.ofDays(60)),
                NOV_1.minus(Duration.ofDays(40)))
                .withMetrics(Metric.BITRATE_TOTAL)).get(0);

        assertThat(daily.errors()).singleElement().satisfies(error -> {
            QueryProblem problem = (QueryProblem) error;
            assertThat(problem.kind()).isEqualTo(ErrorKind.INVALID_QUERY);
            assertThat(problem.field()).isEqualTo("metrics");
            assertThat(problem.message()).contains("BITRATE_IN", "read from 1d buckets", "ask for step 1m, 5m, 15m or 30m");
        });
        assertThat(tooOld.errors()).map(error -> ((QueryProblem) error).field()).containsExactly("from", "metrics");
        assertThat(mna.calls()).isEmpty();
    }

    @Test
    void a_bit_rate_and_its_bytes_asked_for_by_two_queries_share_one_vendor_call() {
        FakeTrafficSource mna = randomVolumes(7);
        TrafficQueryService service = new TrafficQueryService(List.of(mna), CLOCK, QuerySettings.DEFAULTS);
        TrafficQuery day = TrafficQuery.of(REGION, NOV_1, NOV_1.plus(Duration.ofDays(1))).withStep(Step.FIVE_MINUTES);

        List<QueryOutcome> outcomes = run(service, day.withMetrics(Metric.BITRATE_IN), day.withMetrics(Metric.VOLUME_IN));

        assertThat(mna.calls()).singleElement()
                .satisfies(call -> assertThat(call.metrics()).containsExactly(Metric.VOLUME_IN));
        assertThat(outcomes.get(0).result().get().series()).extracting(TrafficSeries::metric)
                .containsExactly(Metric.BITRATE_IN);
        assertThat(outcomes.get(1).result().get().series()).extracting(TrafficSeries::metric)
                .containsExactly(Metric.VOLUME_IN);
    }

    /** A vendor whose bytes per bucket are random, about a tenth of buckets missing, the same for the same slot. */
    private static FakeTrafficSource randomVolumes(long seed) {
        return new FakeTrafficSource(0, Source.TENCENT_MNA_REGION).answering(call -> answer(seed, call));
    }

    private static Either<SourceFailure, SourceAnswer> answer(long seed, PlannedCall call) {
        List<TrafficSeries> series = new ArrayList<>();
        for (Metric metric : call.metrics()) {
            TrafficSeries.Builder builder = TrafficSeries.builder(metric, call.window(), call.step());
            for (int i = 0; i < builder.size(); i++) {
                builder.set(i, volumeAt(seed, metric, call.window().from().plusSeconds(i * call.step().seconds())));
            }
            series.add(builder.build());
        }
        return Either.right(new SourceAnswer(series, List.of()));
    }

    private static double volumeAt(long seed, Metric metric, Instant time) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003 + time.getEpochSecond() * 7
                + metric.direction().ordinal() * 3L + metric.quantity().ordinal());
        if (random.nextInt(10) == 0) {
            return Double.NaN;
        }
        return Math.floor(random.nextDouble() * 2e10);
    }

    /** The bit rate the vendor's 5-minute bytes make from NOV_1 on, computed here on its own. */
    private static TrafficSeries rates(long seed, Metric volume, int slots) {
        double[] values = new double[slots];
        for (int i = 0; i < slots; i++) {
            values[i] = volumeAt(seed, volume, NOV_1.plusSeconds(300L * i)) * 8 / 300;
        }
        return TrafficSeries.of(Metric.of(volume.direction(), Quantity.BITRATE), NOV_1,
                Step.FIVE_MINUTES, values);
    }

    private static List<QueryOutcome> run(TrafficQueryService service, TrafficQuery... queries) {
        return service.run(List.of(queries)).toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
