package dev.trafficlens.benchmarks;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.stats.BillingFigures;
import dev.trafficlens.domain.stats.BillingPercentile;
import dev.trafficlens.domain.stats.MissingPolicy;
import dev.trafficlens.domain.stats.PercentileMethod;
import dev.trafficlens.domain.stats.SeriesStatistics;
import dev.trafficlens.domain.stats.StatisticsRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.statistics.descriptive.NaNPolicy;
import org.apache.commons.statistics.descriptive.Quantile;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times the domain's series statistics and billing percentiles against p95 from Commons Statistics, Commons Math and
 * a full sort, on seeded traffic-shaped series from one day (288 five-minute samples) to ten million samples.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PercentileBenchmark {

    private static final long INBOUND_SEED = 20260101L;
    private static final long OUTBOUND_SEED = 20260102L;
    private static final Instant SERIES_START = Instant.parse("2026-01-01T00:00:00Z");

    @Param({"288", "8640", "1000000", "10000000"})
    int size;

    private double[] inboundBitrates;
    private double[] outboundBitrates;
    private TrafficSeries inboundSeries;
    private TrafficSeries outboundSeries;
    private int inboundFingerprint;
    private int outboundFingerprint;

    // Built once, as a caller would keep them, so each benchmark times the evaluation and not its configuration.
    // Commons Statistics 1.2's defaults do NOT copy: evaluate would reorder the shared array, and every later call
    // would then select from partly ordered data. withCopy(true) keeps the baseline honest and the state untouched.
    private final Quantile commonsStatisticsNearestRank = Quantile.withDefaults()
            .withCopy(true)
            .with(NaNPolicy.EXCLUDE)
            .with(Quantile.EstimationMethod.HF1);
    private final Percentile commonsMath3NearestRank = new Percentile()
            .withEstimationType(Percentile.EstimationType.R_1)
            .withNaNStrategy(NaNStrategy.REMOVED);
    private final StatisticsRequest fullStatisticsRequest =
            StatisticsRequest.of(PercentileMethod.NEAREST_RANK, 50, 95, 99);

    @Setup(Level.Trial)
    public void buildTraffic() {
        inboundBitrates = TrafficShapes.bitrates(size, 2e9, new SplittableRandom(INBOUND_SEED));
        // A vendor sends both directions of an interval together or neither (Zenlayer omits the point, QingCloud
        // marks the pair "NA"), so the outbound gaps are the inbound ones.
        outboundBitrates = TrafficShapes.outboundOf(inboundBitrates, 6e8, new SplittableRandom(OUTBOUND_SEED));
        inboundSeries = TrafficSeries.of(Metric.BITRATE_IN, SERIES_START, Step.FIVE_MINUTES, inboundBitrates);
        outboundSeries = TrafficSeries.of(Metric.BITRATE_OUT, SERIES_START, Step.FIVE_MINUTES, outboundBitrates);
        inboundFingerprint = Arrays.hashCode(inboundBitrates);
        outboundFingerprint = Arrays.hashCode(outboundBitrates);
    }

    /**
     * Fails the run if a benchmark reordered the shared arrays: later invocations would then time partly sorted
     * input, and the ratios between benchmarks would mean nothing.
     */
    @TearDown(Level.Trial)
    public void checkTrafficUntouched() {
        if (Arrays.hashCode(inboundBitrates) != inboundFingerprint
                || Arrays.hashCode(outboundBitrates) != outboundFingerprint) {
            throw new IllegalStateException("a benchmark changed the shared traffic arrays; it must work on a copy");
        }
    }

    @Benchmark
    public double commonsStatisticsQuantileP95() {
        return commonsStatisticsNearestRank.evaluate(inboundBitrates, 0.95);
    }

    /** The selection floor of the full statistics: the same three ranks, from Commons Statistics alone. */
    @Benchmark
    public double[] commonsStatisticsQuantileP50P95P99() {
        return commonsStatisticsNearestRank.evaluate(inboundBitrates, 0.50, 0.95, 0.99);
    }

    @Benchmark
    public double commonsMath3PercentileP95() {
        // evaluate(double[], p) works on a NaN-free copy; setData would cache the array across calls instead.
        return commonsMath3NearestRank.evaluate(inboundBitrates, 95);
    }

    @Benchmark
    public double sortCopyP95() {
        double[] present = inboundBitrates.clone();
        int count = 0;
        for (double value : present) {
            if (!Double.isNaN(value)) {
                present[count++] = value;
            }
        }
        Arrays.sort(present, 0, count);
        // ceil(0.95·N) in integers, because 0.95 * N in binary floating point can land just above a whole rank.
        int nearestRank = (int) ((95L * count + 99) / 100);
        return present[nearestRank - 1];
    }

    /** The least an exact method can cost when it must not reorder the caller's array: one copy, one pass. */
    @Benchmark
    public double cloneThenSum() {
        double[] copy = inboundBitrates.clone();
        double sum = 0;
        for (double value : copy) {
            if (!Double.isNaN(value)) {
                sum += value;
            }
        }
        return sum;
    }

    @Benchmark
    public SeriesStatistics domainFullStatistics() {
        return SeriesStatistics.of(inboundSeries, fullStatisticsRequest);
    }

    /**
     * Builds one series from a caller's array: with {@code -prof gc}, its allocation per operation is what a series of
     * {@code size} samples costs in memory (the copied array plus a small object).
     */
    @Benchmark
    public TrafficSeries domainSeriesFootprint() {
        return TrafficSeries.of(Metric.BITRATE_IN, SERIES_START, Step.FIVE_MINUTES, inboundBitrates);
    }

    /** The domain's statistics with p95 only: its overhead over Commons Statistics' p95 alone, like for like. */
    @Benchmark
    public SeriesStatistics domainStatisticsP95Only() {
        return SeriesStatistics.of(inboundSeries, StatisticsRequest.BILLING);
    }

    @Benchmark
    public BillingFigures domainBillingAllRules() {
        return BillingPercentile.all(inboundSeries, outboundSeries, 95, MissingPolicy.SKIP);
    }
}
