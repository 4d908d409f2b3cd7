package dev.trafficlens.benchmarks;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.plan.CallPlan;
import dev.trafficlens.domain.plan.Chunk;
import dev.trafficlens.domain.plan.ResampleMode;
import dev.trafficlens.domain.plan.Resampler;
import dev.trafficlens.domain.plan.SeriesStitcher;
import dev.trafficlens.domain.plan.WindowPlanner;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Times the domain's planning around a 30-day window: each source's plan of vendor-legal calls, stitching the answers
 * of a 30-day Zenlayer window (30 one-day calls of 288 five-minute samples, inbound and outbound) back into series,
 * and resampling a 30-day 5-minute series to one hour.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlanningBenchmark {

    /** Midnight, so a 30-day window ends now and starts exactly at the 30-day retention edge. */
    static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    static final TimeWindow THIRTY_DAYS = new TimeWindow(NOW.minus(Duration.ofDays(30)), NOW);

    /** One source's 30-day plan at its default step. */
    @State(Scope.Benchmark)
    public static class OneSource {

        @Param({"TENCENT_VPN_CONNECTION", "TENCENT_MNA_REGION", "QINGCLOUD_WAN", "ZENLAYER_PRIVATE_CONNECT",
                "ZENLAYER_CLOUD_ROUTER"})
        Source source;

        @Setup(Level.Trial)
        public void checkThePlanIsValid() {
            Validation<Seq<QueryProblem>, CallPlan> plan = plan(this);
            if (plan.isInvalid() || plan.get().calls().isEmpty()) {
                throw new IllegalStateException("the 30-day window does not plan for " + source + ": " + plan);
            }
        }
    }

    /** The answers of a 30-day Zenlayer private connect window, as the adapter hands them to the service. */
    @State(Scope.Benchmark)
    public static class ZenlayerMonth {

        final Step step = Step.FIVE_MINUTES;
        List<Chunk> inbound;
        List<Chunk> outbound;
        TrafficSeries stitchedInbound;

        @Setup(Level.Trial)
        public void buildAnswers() {
            int days = 30;
            double[] in = TrafficShapes.bitrates(days * TrafficShapes.SAMPLES_PER_DAY, 2e9, new SplittableRandom(30));
            double[] out = TrafficShapes.outboundOf(in, 6e8, new SplittableRandom(31));
            inbound = new ArrayList<>(days);
            outbound = new ArrayList<>(days);
            for (int day = 0; day < days; day++) {
                Instant from = THIRTY_DAYS.from().plus(Duration.ofDays(day));
                TimeWindow call = new TimeWindow(from, from.plus(Duration.ofDays(1)));
                int first = day * TrafficShapes.SAMPLES_PER_DAY;
                int last = first + TrafficShapes.SAMPLES_PER_DAY;
                inbound.add(new Chunk(call, TrafficSeries.of(Metric.BITRATE_IN, from, step,
                        Arrays.copyOfRange(in, first, last))));
                outbound.add(new Chunk(call, TrafficSeries.of(Metric.BITRATE_OUT, from, step,
                        Arrays.copyOfRange(out, first, last))));
            }
            stitchedInbound = SeriesStitcher.stitch(Metric.BITRATE_IN, THIRTY_DAYS, step, inbound);
            if (!stitchedInbound.equals(TrafficSeries.of(Metric.BITRATE_IN, THIRTY_DAYS.from(), step, in))
                    || !stitchedInbound.equals(slotBySlot(Metric.BITRATE_IN, THIRTY_DAYS, step, inbound))) {
                throw new IllegalStateException("stitching the 30 answers did not give back the month they came from");
            }
        }
    }

    @Benchmark
    public Validation<Seq<QueryProblem>, CallPlan> planThirtyDays(OneSource state) {
        return plan(state);
    }

    /** Both directions of the month, as the service stitches them: 2 × 8,640 samples from 60 chunks. */
    @Benchmark
    public void stitchZenlayerThirtyDays(ZenlayerMonth month, Blackhole sink) {
        sink.consume(SeriesStitcher.stitch(Metric.BITRATE_IN, THIRTY_DAYS, month.step, month.inbound));
        sink.consume(SeriesStitcher.stitch(Metric.BITRATE_OUT, THIRTY_DAYS, month.step, month.outbound));
    }

    /**
     * The same stitching by the slot-by-slot rule the stitcher first used (two layers always allocated, every sample
     * branching on its owner): the baseline the stitcher is compared with in the same run.
     */
    @Benchmark
    public void stitchZenlayerThirtyDaysSlotBySlot(ZenlayerMonth month, Blackhole sink) {
        sink.consume(slotBySlot(Metric.BITRATE_IN, THIRTY_DAYS, month.step, month.inbound));
        sink.consume(slotBySlot(Metric.BITRATE_OUT, THIRTY_DAYS, month.step, month.outbound));
    }

    /** One 30-day series, 8,640 five-minute samples, averaged into 720 hourly ones. */
    @Benchmark
    public TrafficSeries resampleFiveMinutesToOneHour(ZenlayerMonth month) {
        return Resampler.resample(month.stitchedInbound, Step.ONE_HOUR, ResampleMode.AVG);
    }

    /** SeriesStitcher.stitch as it was before the figures here showed it to be the bulk of a whole query. */
    static TrafficSeries slotBySlot(Metric metric, TimeWindow window, Step step, List<Chunk> chunks) {
        int size = window.sampleCount(step);
        double[] owned = new double[size];
        double[] borrowed = new double[size];
        Arrays.fill(owned, Double.NaN);
        Arrays.fill(borrowed, Double.NaN);
        long start = window.from().getEpochSecond();
        long seconds = step.seconds();
        for (Chunk chunk : chunks) {
            TrafficSeries series = chunk.series();
            long first = (series.start().getEpochSecond() - start) / seconds;
            long ownedFrom = Math.floorDiv(chunk.window().from().getEpochSecond() - start + seconds - 1, seconds);
            long ownedTo = Math.floorDiv(chunk.window().to().getEpochSecond() - start + seconds - 1, seconds);
            for (int i = 0, n = series.size(); i < n; i++) {
                long slot = first + i;
                double value = series.valueAt(i);
                if (slot < 0 || slot >= size || value != value) {
                    continue;
                }
                double[] target = slot >= ownedFrom && slot < ownedTo ? owned : borrowed;
                int index = (int) slot;
                target[index] = target[index] != target[index] ? value : Math.max(target[index], value);
            }
        }
        TrafficSeries.Builder builder = TrafficSeries.builder(metric, window, step);
        for (int i = 0; i < size; i++) {
            builder.set(i, owned[i] == owned[i] ? owned[i] : borrowed[i]);
        }
        return builder.build();
    }

    private static Validation<Seq<QueryProblem>, CallPlan> plan(OneSource state) {
        return WindowPlanner.plan(state.source.id(), state.source.limits(), THIRTY_DAYS, Optional.empty(), NOW);
    }
}
