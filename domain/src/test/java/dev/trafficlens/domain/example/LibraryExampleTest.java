package dev.trafficlens.domain.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.domain.stats.BillingRule;
import dev.trafficlens.domain.stats.PercentileMethod;
import dev.trafficlens.domain.stats.SeriesStatistics;
import dev.trafficlens.domain.stats.StatisticsRequest;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The README's library examples (domain section), compiled and run so they cannot drift from the code. */
class LibraryExampleTest {

    @Test
    void statistics_of_a_series() {
        // README: statistics
        double nan = Double.NaN; // a missing sample
        TrafficSeries in = TrafficSeries.of(Metric.BITRATE_IN, Instant.parse("2026-11-01T00:00:00Z"),
                Step.FIVE_MINUTES, 8e8, 9e8, nan, 1.2e9, 7e8);

        SeriesStatistics stats = SeriesStatistics.of(in,
                StatisticsRequest.of(PercentileMethod.NEAREST_RANK, 50, 95));
        // stats.count() == 4, stats.missing() == 1, stats.coverage() == 0.8
        // stats.percentile(95) == 1.2e9 bit/s; stats.total() == bytes moved in the 25 minutes
        // README: end

        assertThat(stats.count()).isEqualTo(4);
        assertThat(stats.missing()).isEqualTo(1);
        assertThat(stats.coverage()).isEqualTo(0.8);
        assertThat(stats.percentile(95)).hasValue(1.2e9);
        assertThat(stats.total()).hasValue((8e8 + 9e8 + 1.2e9 + 7e8) * 300 / 8);
    }

    @Test
    void querying_through_the_inbound_port() {
        // README: service
        // Any adapter implements the outbound port; this one answers every call with a flat 100 Mbit/s.
        TrafficSource flatLine = new TrafficSource() {
            @Override
            public Set<Source> sources() {
                return Set.of(Source.ZENLAYER_PRIVATE_CONNECT);
            }

            @Override
            public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
                List<TrafficSeries> series = call.metrics().stream().map(metric -> {
                    TrafficSeries.Builder builder = TrafficSeries.builder(metric, call.window(), call.step());
                    for (int i = 0; i < builder.size(); i++) {
                        builder.set(i, 100e6);
                    }
                    return builder.build();
                }).toList();
                return CompletableFuture.completedFuture(Either.right(new SourceAnswer(series, List.of())));
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        TrafficQueryService traffic = new TrafficQueryService(List.of(flatLine), clock, QuerySettings.DEFAULTS);

        TrafficQuery november = TrafficQuery.of(new ZenlayerPrivateConnect("pc-1"),
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z"));
        List<QueryOutcome> outcomes = traffic.run(List.of(november)).toCompletableFuture().join();

        outcomes.get(0).result()
                .peek(result -> System.out.println("p95: " + result.billing95(BillingRule.PER_INTERVAL_MAX)))
                .peekLeft(errors -> errors.forEach(error -> System.out.println(error.kind() + ": " + error.message())));
        // README: end

        assertThat(outcomes.get(0).result().get().billing95(BillingRule.PER_INTERVAL_MAX)).hasValue(100e6);
        assertThat(outcomes.get(0).result().get().series(Metric.BITRATE_IN).orElseThrow().size()).isEqualTo(24 * 288);
    }

    @Test
    void tencent_mna_bit_rates_are_derived_at_five_minutes_and_refused_hourly() {
        // README: derived
        TrafficQuery fiveMinutes = TrafficQuery.of(new TencentMnaRegion(0, Optional.of("AP")),
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z")).withStep(Step.FIVE_MINUTES);
        // fiveMinutes.effectiveMetrics(): BITRATE_IN, BITRATE_OUT, BITRATE_TOTAL (derived), VOLUME_IN, VOLUME_OUT, VOLUME_TOTAL

        TrafficQuery hourlyBitRate = fiveMinutes.withStep(Step.ONE_HOUR).withMetrics(Metric.BITRATE_IN);
        hourlyBitRate.effectiveMetrics().getError().forEach(problem -> System.out.println(problem.kind() + " " + problem));
        // INVALID_QUERY metrics: tencent.mna-region has no BITRATE_IN at step 1h: BITRATE_IN = VOLUME_IN × 8 ÷ bucket
        // seconds, derived only from 1m or 5m buckets; step 1h is read from 1h buckets, and a percentile of 1h averages is
        // not a 5-minute billing figure: ask for step 1m, 5m, 15m or 30m
        // README: end

        assertThat(fiveMinutes.effectiveMetrics().get()).containsExactly(Metric.BITRATE_IN, Metric.BITRATE_OUT,
                Metric.BITRATE_TOTAL, Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL);
        assertThat(hourlyBitRate.effectiveMetrics().getError()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ErrorKind.INVALID_QUERY);
            assertThat(problem.toString()).isEqualTo("metrics: tencent.mna-region has no BITRATE_IN at step 1h: "
                    + "BITRATE_IN = VOLUME_IN × 8 ÷ bucket seconds, derived only from 1m or 5m buckets; step 1h is read "
                    + "from 1h buckets, and a percentile of 1h averages is not a 5-minute billing figure: ask for step "
                    + "1m, 5m, 15m or 30m");
        });
    }
}
