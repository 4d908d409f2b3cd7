package dev.trafficlens.domain.service;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.TrafficError;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorSummary;
import dev.trafficlens.domain.plan.CallPlan;
import dev.trafficlens.domain.plan.Chunk;
import dev.trafficlens.domain.plan.ResampleMode;
import dev.trafficlens.domain.plan.Resampler;
import dev.trafficlens.domain.plan.SeriesStitcher;
import dev.trafficlens.domain.plan.WindowPlanner;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.QueryTraffic;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Runs traffic queries: validates each one, plans its window into vendor-legal calls, fans all calls of all queries
 * out at once (each source behind its own {@link SourceGate}), coalesces identical calls, then stitches each query's
 * answers into series with gaps marked, derives the metrics the source derives (Tencent MNA's bit rate from its
 * bytes) at the fetch step, and resamples them to the query's step. A query fails alone, with every reason; once a
 * call shows its resource unknown or its key refused, the calls that would fail alike are not sent ({@link RunCalls}).
 */
public final class TrafficQueryService implements QueryTraffic {

    private final Map<Source, TrafficSource> sources = new EnumMap<>(Source.class);
    private final Map<Source, SourceGate> gates = new EnumMap<>(Source.class);
    private final Clock clock;
    private final QuerySettings settings;

    /**
     * @param adapters one adapter per vendor protocol; a source no adapter serves answers "not configured"
     * @param clock    the present, for retention and for not asking about the future
     */
    public TrafficQueryService(Collection<? extends TrafficSource> adapters, Clock clock, QuerySettings settings) {
        this(adapters, clock, settings, System::nanoTime);
    }

    TrafficQueryService(
            Collection<? extends TrafficSource> adapters, Clock clock, QuerySettings settings, LongSupplier nanoTime) {
        this.clock = clock;
        this.settings = settings;
        for (TrafficSource adapter : adapters) {
            for (Source source : adapter.sources()) {
                if (sources.putIfAbsent(source, adapter) != null) {
                    throw new IllegalArgumentException("two adapters serve " + source.id());
                }
            }
        }
        for (Source source : Source.values()) {
            gates.put(source, new SourceGate(
                    settings.maxConcurrentCallsOf(source), settings.rateLimitOf(source), nanoTime));
        }
    }

    /** Whether an adapter was given for {@code source}. */
    public boolean isConfigured(Source source) {
        return sources.containsKey(source);
    }

    @Override
    public CompletionStage<List<QueryOutcome>> run(List<TrafficQuery> queries) {
        Instant now = clock.instant();
        if (queries.size() > settings.maxQueriesPerRun()) {
            return CompletableFuture.completedFuture(rejectAll(queries, "a request may hold at most "
                    + settings.maxQueriesPerRun() + " queries, got " + queries.size()));
        }
        List<Validation<List<QueryProblem>, CallPlan>> plans = new ArrayList<>(queries.size());
        int totalCalls = 0;
        for (TrafficQuery query : queries) {
            Validation<List<QueryProblem>, CallPlan> plan = withMetricsChecked(query, plan(query, now));
            plans.add(plan);
            totalCalls += plan.map(valid -> valid.calls().size()).getOrElse(0);
        }
        if (totalCalls > settings.maxCallsPerRun()) {
            return CompletableFuture.completedFuture(rejectAll(queries, "this request needs " + totalCalls
                    + " vendor calls; at most " + settings.maxCallsPerRun()
                    + " are allowed per request: ask for shorter windows or fewer queries"));
        }
        RunCalls calls = new RunCalls(sources, gates);
        List<CompletableFuture<QueryOutcome>> outcomes = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            TrafficQuery query = queries.get(i);
            Validation<List<QueryProblem>, CallPlan> plan = plans.get(i);
            if (plan.isInvalid()) {
                outcomes.add(CompletableFuture.completedFuture(QueryOutcome.failure(query, plan.getError())));
                continue;
            }
            outcomes.add(answer(query, plan.get(), calls));
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(done -> outcomes.stream().map(CompletableFuture::join).toList());
    }

    private Validation<List<QueryProblem>, CallPlan> plan(TrafficQuery query, Instant now) {
        Source source = query.resource().source();
        return WindowPlanner.plan(source.id(), source.limits(), query.window(), query.step(), now)
                .mapError(Seq::toJavaList)
                .flatMap(plan -> {
                    int points = plan.window().sampleCount(plan.step());
                    if (points > settings.maxPointsPerSeries()) {
                        return Validation.invalid(List.of(QueryProblem.invalid("step", "the window holds " + points
                                + " samples at " + plan.step() + "; at most " + settings.maxPointsPerSeries()
                                + " are allowed per series: ask for a shorter window or a coarser step")));
                    }
                    return Validation.valid(plan);
                });
    }

    /** {@code plan}, failed also by the query's metrics that its step cannot give, every problem reported at once. */
    private static Validation<List<QueryProblem>, CallPlan> withMetricsChecked(
            TrafficQuery query, Validation<List<QueryProblem>, CallPlan> plan) {
        Validation<List<QueryProblem>, Set<Metric>> metrics = query.effectiveMetrics();
        if (metrics.isValid()) {
            return plan;
        }
        List<QueryProblem> problems = new ArrayList<>(plan.isInvalid() ? plan.getError() : List.of());
        problems.addAll(metrics.getError());
        return Validation.invalid(problems);
    }

    private CompletableFuture<QueryOutcome> answer(TrafficQuery query, CallPlan plan, RunCalls calls) {
        Set<Metric> metrics = query.effectiveMetrics().get(); // checked when planned
        // The vendor is asked for what it serves: a derived metric's basis instead of the metric.
        Set<Metric> fetched = query.resource().source().limits().fetchedMetrics(metrics);
        List<PlannedCall> planned = plan.calls().stream()
                .map(window -> new PlannedCall(query.resource(), window, plan.fetchStep(), fetched))
                .toList();
        List<CompletableFuture<Either<SourceFailure, SourceAnswer>>> answers = planned.stream()
                .map(calls::answer)
                .toList();
        // A cancelled call answers with the failure that cancelled it, so the query fails with that real failure.
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> assemble(
                        query, plan, metrics, planned, answers.stream().map(CompletableFuture::join).toList())
                        .withCancelledCalls(calls.cancelledAmong(planned)));
    }

    private QueryOutcome assemble(
            TrafficQuery query,
            CallPlan plan,
            Set<Metric> metrics,
            List<PlannedCall> calls,
            List<Either<SourceFailure, SourceAnswer>> answers) {
        Set<TrafficError> failures = new LinkedHashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Either<SourceFailure, SourceAnswer> answer = answers.get(i);
            if (answer.isLeft()) {
                failures.add(answer.getLeft());
            } else {
                malformation(calls.get(i), answer.get()).ifPresent(failures::add);
            }
        }
        if (!failures.isEmpty()) {
            return QueryOutcome.failure(query, List.copyOf(failures));
        }
        Source source = query.resource().source();
        Map<Metric, TrafficSeries> stitched = new HashMap<>();
        for (Metric fetched : source.limits().fetchedMetrics(metrics)) {
            List<Chunk> chunks = new ArrayList<>(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                PlannedCall call = calls.get(i);
                // A metric the answer lacks leaves its slots missing: a gap, reported as one.
                answers.get(i).get().series(fetched).ifPresent(found -> chunks.add(new Chunk(call.window(), found)));
            }
            stitched.put(fetched, SeriesStitcher.stitch(fetched, plan.window(), plan.fetchStep(), chunks));
        }
        List<TrafficSeries> series = new ArrayList<>(metrics.size());
        for (Metric metric : metrics) {
            // Derived at the fetch step, before resampling: a 15-minute bit rate is the mean of three 5-minute ones.
            TrafficSeries fetchStepSeries = source.limits().derivation(metric)
                    .map(derived -> derived.derive(stitched.get(derived.basis())))
                    .orElseGet(() -> stitched.get(metric));
            ResampleMode mode = query.resampleMode().orElse(ResampleMode.defaultFor(metric.quantity()));
            series.add(Resampler.resample(fetchStepSeries, plan.step(), mode));
        }
        List<VendorSummary> summaries = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            SourceAnswer answer = answers.get(i).get();
            if (!answer.vendorFigures().isEmpty()) {
                summaries.add(new VendorSummary(calls.get(i).window(), answer.vendorFigures()));
            }
        }
        return QueryOutcome.success(query, new TrafficResult(
                query.key(), source, plan.window(), plan.step(), series, summaries, plan.warnings()));
    }

    /** An adapter's answer that cannot be stitched: a series at another step or of a metric nobody asked for. */
    private static Optional<SourceFailure> malformation(PlannedCall call, SourceAnswer answer) {
        for (TrafficSeries series : answer.series()) {
            if (!series.step().equals(call.step()) || !call.metrics().contains(series.metric())) {
                return Optional.of(SourceFailure.of(ErrorKind.MALFORMED_RESPONSE, call.source(),
                        call.source().id() + " answered " + series.metric() + " every " + series.step()
                                + " to a call for " + call.metrics() + " every " + call.step()));
            }
        }
        return Optional.empty();
    }

    private static List<QueryOutcome> rejectAll(List<TrafficQuery> queries, String message) {
        QueryProblem problem = QueryProblem.invalid("", message);
        return queries.stream().map(query -> QueryOutcome.failure(query, List.of(problem))).toList();
    }
}
