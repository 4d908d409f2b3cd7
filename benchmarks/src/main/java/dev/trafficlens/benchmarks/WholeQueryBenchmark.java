package dev.trafficlens.benchmarks;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.plan.CallPlan;
import dev.trafficlens.domain.plan.WindowPlanner;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.domain.stats.BillingRule;
import dev.trafficlens.domain.stats.PercentileMethod;
import dev.trafficlens.domain.stats.SeriesStatistics;
import dev.trafficlens.domain.stats.StatisticsRequest;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Times a whole query through the domain's inbound port with vendors that answer at once: the GraphiQL example of
 * the GraphQL service as it was measured (the last 30 days of one link on each of the five sources, the MNA region
 * daily; the page now asks MNA at 5 minutes for its derived bit rate, kept daily here to compare runs), then what
 * the GraphQL layer computes from the answer (stats with p50, p95 and p99 of every series, and billing95 of every
 * link). What is left is everything trafficlens itself adds to a request, apart from HTTP and JSON.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WholeQueryBenchmark {

    private static final Instant NOW = PlanningBenchmark.NOW;
    private static final TimeWindow THIRTY_DAYS = PlanningBenchmark.THIRTY_DAYS;
    private static final StatisticsRequest DASHBOARD_STATS =
            StatisticsRequest.of(PercentileMethod.NEAREST_RANK, 50, 95, 99);

    private final List<TrafficQuery> queries = List.of(
            TrafficQuery.of(new TencentVpnConnection("ap-guangzhou", "vpc-03vihbk9", "vpngw-dystbrkv", "vpnx-ol6bcqp0"),
                    THIRTY_DAYS).withKey("tunnel"),
            TrafficQuery.of(new TencentMnaRegion(0, Optional.of("AP")), THIRTY_DAYS).withKey("mna")
                    .withStep(Step.ONE_DAY),
            TrafficQuery.of(QingCloudWanAccess.of("pek3", "wacc-1", "cpe"), THIRTY_DAYS).withKey("sdwan"),
            TrafficQuery.of(new ZenlayerPrivateConnect("pc-1"), THIRTY_DAYS).withKey("pc"),
            TrafficQuery.of(new ZenlayerCloudRouterDcPair("cr-1", "dc-a", "dc-z"), THIRTY_DAYS).withKey("cr"));

    private TrafficQueryService service;
    private List<QueryOutcome> answered;
    private int vendorCalls;

    @Setup(Level.Trial)
    public void buildService() {
        InMemoryVendors vendors = new InMemoryVendors();
        for (TrafficQuery query : queries) {
            vendors.prepare(query);
        }
        vendorCalls = vendors.answers.size();
        QuerySettings settings = QuerySettings.DEFAULTS;
        for (Source source : Source.values()) {
            // The benchmark times trafficlens, not the vendors' quotas: no call may wait for a permit.
            settings = settings.withRateLimit(source, RateLimit.assumedPerSecond(Integer.MAX_VALUE));
        }
        service = new TrafficQueryService(List.of(vendors), Clock.fixed(NOW, ZoneOffset.UTC), settings);
        answered = query();
        for (QueryOutcome outcome : answered) {
            if (!outcome.isSuccess()) {
                throw new IllegalStateException("the benchmark query failed: " + outcome);
            }
        }
    }

    /** Validate, plan, fan out to the in-memory vendors, stitch and resample: five results, fifteen series. */
    @Benchmark
    public List<QueryOutcome> queryFiveSourcesThirtyDays() {
        return query();
    }

    /** The same query and what the GraphQL example then asks of it: stats of each series, billing95 of each link. */
    @Benchmark
    public void queryWithStatisticsAndBilling(Blackhole sink) {
        summarise(query(), sink);
    }

    /** Only the statistics and billing of an answer already in hand: the difference of the two above, measured. */
    @Benchmark
    public void statisticsAndBillingOnly(Blackhole sink) {
        summarise(answered, sink);
    }

    /** How many vendor calls one query makes; printed by {@link #main}, for the docs. */
    int vendorCalls() {
        return vendorCalls;
    }

    private List<QueryOutcome> query() {
        return service.run(queries).toCompletableFuture().join();
    }

    private static void summarise(List<QueryOutcome> outcomes, Blackhole sink) {
        for (QueryOutcome outcome : outcomes) {
            TrafficResult result = outcome.result().get();
            sink.consume(result.billing95(BillingRule.HIGHER_DIRECTION));
            for (TrafficSeries series : result.series()) {
                sink.consume(SeriesStatistics.of(series, DASHBOARD_STATS));
            }
        }
    }

    /** Prints the shape of the query (calls, series, samples) the figures are about. */
    public static void main(String[] args) {
        WholeQueryBenchmark benchmark = new WholeQueryBenchmark();
        benchmark.buildService();
        int series = 0;
        long samples = 0;
        for (QueryOutcome outcome : benchmark.answered) {
            for (TrafficSeries each : outcome.result().get().series()) {
                series++;
                samples += each.size();
            }
        }
        System.out.println(benchmark.vendorCalls() + " vendor calls, " + series + " series, " + samples + " samples");
    }

    /**
     * Every vendor at once, answering each planned call of the prepared queries with series computed in advance,
     * from an already completed future: no latency, no parsing, no allocation per call beyond the service's own.
     */
    static final class InMemoryVendors implements TrafficSource {

        private final Map<PlannedCall, CompletableFuture<Either<SourceFailure, SourceAnswer>>> answers = new HashMap<>();
        private long seed = 1;

        void prepare(TrafficQuery query) {
            Source source = query.resource().source();
            Validation<Seq<QueryProblem>, CallPlan> planned =
                    WindowPlanner.plan(source.id(), source.limits(), query.window(), query.step(), NOW);
            if (planned.isInvalid()) {
                throw new IllegalStateException(planned.getError().mkString("; "));
            }
            CallPlan plan = planned.get();
            Set<Metric> metrics = source.limits().fetchedMetrics(query.effectiveMetrics().get());
            Map<Metric, double[]> month = new HashMap<>();
            int slots = plan.window().sampleCount(plan.fetchStep());
            for (Metric metric : metrics) {
                // Rates in their unit, volumes as the bytes a 5-minute rate moves in one step: magnitudes that matter
                // only to the figures, not to the time.
                double[] values = TrafficShapes.bitrates(slots, 2e9, new SplittableRandom(seed++));
                if (metric.quantity().isRate()) {
                    month.put(metric, values);
                } else {
                    double bytesPerStep = plan.fetchStep().seconds() / 8.0;
                    month.put(metric, Arrays.stream(values).map(value -> value * bytesPerStep).toArray());
                }
            }
            for (TimeWindow window : plan.calls()) {
                PlannedCall call = new PlannedCall(query.resource(), window, plan.fetchStep(), metrics);
                int first = (int) (Duration.between(plan.window().from(), window.from()).getSeconds()
                        / plan.fetchStep().seconds());
                int count = window.sampleCount(plan.fetchStep());
                List<TrafficSeries> series = new ArrayList<>(metrics.size());
                for (Metric metric : metrics) {
                    series.add(TrafficSeries.of(metric, window.from(), plan.fetchStep(),
                            Arrays.copyOfRange(month.get(metric), first, first + count)));
                }
                answers.put(call, CompletableFuture.completedFuture(
                        Either.right(new SourceAnswer(series, List.of()))));
            }
        }

        @Override
        public Set<Source> sources() {
            return EnumSet.allOf(Source.class);
        }

        @Override
        public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
            CompletableFuture<Either<SourceFailure, SourceAnswer>> answer = answers.get(call);
            if (answer == null) {
                throw new IllegalStateException("no prepared answer for " + call);
            }
            return answer;
        }
    }
}
