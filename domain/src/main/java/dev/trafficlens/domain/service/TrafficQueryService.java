package dev.trafficlens.domain.service;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.QueryWarning;
import dev.trafficlens.domain.model.SourceLimits;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.WarningKind;
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
import dev.trafficlens.domain.port.in.Provenance;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.QueryTraffic;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SampleArchive;
import dev.trafficlens.domain.port.out.SampleArchive.ArchiveWrite;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Runs traffic queries: validates each one, plans its window into vendor-legal calls, fans all calls of all queries
 * out at once (each source behind its own {@link SourceGate}), coalesces identical calls, then stitches each query's
 * answers into series with gaps marked, derives the metrics the source derives (Tencent MNA's bit rate from its
 * bytes) at the fetch step, and resamples them to the query's step. A query fails alone, with every reason; once a
 * call shows its resource unknown or its key refused, the calls that would fail alike are not sent ({@link RunCalls}).
 *
 * <p>Given a {@link SampleArchive}, a query read from 5-minute samples (or at a multiple of 5 minutes over a window
 * reaching past the vendor's retention) is answered archive first: the archive is read for the vendor-native metrics,
 * only the planned calls holding a slot the archive lacks go to the vendor (the same calls, on the same grid, as
 * without an archive, so caches and coalescing still match), what the vendors answer is written back, and the two are
 * stitched (a vendor's value wins: it may be a late revision). A slot a vendor call covered but had no sample for is
 * stored as {@link SampleArchive#NO_SAMPLE} once it is settled ({@link SampleArchive#SETTLED_AFTER}), so that a real
 * gap is asked for once, not on every query: read back, it counts as archived for deciding what to call and is a
 * gap in the answer (NaN, counted missing). Slots before the vendor's retention that the archive
 * holds are answered; a window wholly older than retention is refused only when the archive holds nothing of it. An
 * archive that cannot be read or written never fails a query: it is answered from vendors with an
 * {@code ARCHIVE_UNAVAILABLE} warning.
 */
public final class TrafficQueryService implements QueryTraffic {

    private final Map<Source, TrafficSource> sources = new EnumMap<>(Source.class);
    private final Map<Source, SourceGate> gates = new EnumMap<>(Source.class);
    private final Clock clock;
    private final QuerySettings settings;
    private final Optional<SampleArchive> archive;

    /**
     * @param adapters one adapter per vendor protocol; a source no adapter serves answers "not configured"
     * @param clock    the present, for retention and for not asking about the future
     */
    public TrafficQueryService(Collection<? extends TrafficSource> adapters, Clock clock, QuerySettings settings) {
        this(adapters, clock, settings, System::nanoTime, Optional.empty());
    }

    /** A service that answers from {@code archive} first and stores what vendors answer in it. */
    public TrafficQueryService(Collection<? extends TrafficSource> adapters, Clock clock, QuerySettings settings,
                               SampleArchive archive) {
        this(adapters, clock, settings, System::nanoTime, Optional.of(archive));
    }

    TrafficQueryService(
            Collection<? extends TrafficSource> adapters, Clock clock, QuerySettings settings, LongSupplier nanoTime) {
        this(adapters, clock, settings, nanoTime, Optional.empty());
    }

    TrafficQueryService(Collection<? extends TrafficSource> adapters, Clock clock, QuerySettings settings,
                        LongSupplier nanoTime, Optional<SampleArchive> archive) {
        this.clock = clock;
        this.settings = settings;
        this.archive = archive;
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
        return answerAll(queries, false).thenApply(answers -> answers.stream().map(Answered::outcome).toList());
    }

    /**
     * Reads each query's window from the vendors whatever the archive holds (to pick up late or revised samples) and
     * stores what they answer at 5 minutes; the collector's way in, through the same planner, gates and rate limits as
     * queries. A query not read at 5 minutes is answered but not stored.
     */
    CompletionStage<List<Answered>> refresh(List<TrafficQuery> queries) {
        return answerAll(queries, true);
    }

    /**
     * One query's outcome with what answering it cost and stored: the vendor calls it planned (a cache may have held
     * some), the archive's count of samples stored and revised, and why the archive failed, if it did.
     */
    record Answered(QueryOutcome outcome, int vendorCalls, ArchiveWrite written, Optional<String> archiveFailure) {

        static Answered unanswered(QueryOutcome outcome) {
            return new Answered(outcome, 0, ArchiveWrite.NOTHING, Optional.empty());
        }
    }

    private CompletionStage<List<Answered>> answerAll(List<TrafficQuery> queries, boolean refresh) {
        Instant now = clock.instant();
        if (queries.size() > settings.maxQueriesPerRun()) {
            return CompletableFuture.completedFuture(rejectAll(queries, "a request may hold at most "
                    + settings.maxQueriesPerRun() + " queries, got " + queries.size()));
        }
        List<Validation<List<QueryProblem>, Answering>> plans = new ArrayList<>(queries.size());
        int totalCalls = 0;
        for (TrafficQuery query : queries) {
            Validation<List<QueryProblem>, Answering> plan = answering(query, now, refresh);
            plans.add(plan);
            totalCalls += plan.map(valid -> valid.calls().size()).getOrElse(0);
        }
        if (totalCalls > settings.maxCallsPerRun()) {
            return CompletableFuture.completedFuture(rejectAll(queries, "this request needs " + totalCalls
                    + " vendor calls; at most " + settings.maxCallsPerRun()
                    + " are allowed per request: ask for shorter windows or fewer queries"));
        }
        RunCalls calls = new RunCalls(sources, gates);
        List<CompletableFuture<Answered>> outcomes = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            TrafficQuery query = queries.get(i);
            Validation<List<QueryProblem>, Answering> plan = plans.get(i);
            if (plan.isInvalid()) {
                outcomes.add(CompletableFuture.completedFuture(
                        Answered.unanswered(QueryOutcome.failure(query, plan.getError()))));
                continue;
            }
            outcomes.add(answer(query, plan.get(), calls, now));
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(done -> outcomes.stream().map(CompletableFuture::join).toList());
    }

    /**
     * How one query will be answered: its plan (the fetch step is 5 minutes whenever the archive is consulted), the
     * calls to make (all of the plan's, or those holding a slot the archive lacks), the archive's series over the
     * plan's window at the fetch step if it was read, the warnings, and whether vendor answers are stored.
     */
    private record Answering(CallPlan plan, List<TimeWindow> calls, Optional<Map<Metric, TrafficSeries>> archived,
                             List<QueryWarning> warnings, boolean store) {
    }

    private Validation<List<QueryProblem>, Answering> answering(TrafficQuery query, Instant now, boolean refresh) {
        Source source = query.resource().source();
        Validation<List<QueryProblem>, CallPlan> vendorPlan =
                withMetricsChecked(query, plan(query, source.limits(), now));
        if (archive.isEmpty() || query.effectiveMetrics().isInvalid()) {
            return vendorPlan.map(plan -> vendorOnly(plan, List.of(), false));
        }
        if (refresh) {
            return vendorPlan.map(plan -> vendorOnly(plan, List.of(), archived(plan)));
        }
        Optional<CallPlan> archivePlan = archivePlan(query, vendorPlan, now);
        if (archivePlan.isEmpty()) {
            return vendorPlan.map(plan -> vendorOnly(plan, List.of(), false));
        }
        CallPlan plan = archivePlan.get();
        Set<Metric> fetched = source.limits().fetchedMetrics(query.effectiveMetrics().get());
        Map<Metric, TrafficSeries> held;
        try {
            held = archive.get().read(query.resource(), fetched, plan.window());
        } catch (RuntimeException unavailable) {
            QueryWarning warning = new QueryWarning(WarningKind.ARCHIVE_UNAVAILABLE, plan.window(),
                    "the sample archive could not be read, so this answer comes from vendors alone: "
                            + describe(unavailable));
            return vendorPlan.map(vendor -> vendorOnly(vendor, List.of(warning), false));
        }
        boolean[] lacking = lacking(held, fetched, plan.window());
        if (vendorPlan.isInvalid() && allMissing(lacking)) {
            return Validation.invalid(vendorPlan.getError()); // out of retention, and nothing archived either
        }
        List<TimeWindow> calls = plan.calls().stream()
                .filter(call -> anyLacking(lacking, plan.window(), call))
                .toList();
        List<QueryWarning> warnings = new ArrayList<>();
        plan.warnings().stream().filter(warning -> warning.kind() != WarningKind.PARTIAL_RETENTION)
                .forEach(warnings::add);
        Instant edge = plan.calls().isEmpty() ? plan.window().to() : plan.calls().get(0).from();
        unarchivedBefore(edge, lacking, plan, source).ifPresent(warnings::add);
        return Validation.valid(new Answering(plan, calls, Optional.of(held), warnings, true));
    }

    private static Answering vendorOnly(CallPlan plan, List<QueryWarning> extraWarnings, boolean store) {
        List<QueryWarning> warnings = new ArrayList<>(plan.warnings());
        warnings.addAll(extraWarnings);
        return new Answering(plan, plan.calls(), Optional.empty(), warnings, store);
    }

    /** Whether answers to {@code plan} are series the archive keeps: the vendor's 5-minute samples. */
    private boolean archived(CallPlan plan) {
        return archive.isPresent() && plan.fetchStep().equals(SampleArchive.step());
    }

    /**
     * The plan to answer {@code query} archive first, or empty when the archive cannot help: it keeps 5-minute
     * samples, so the query's step must be a multiple of 5 minutes, and a query the vendor would answer from coarser
     * buckets is read from 5-minute ones only when its window reaches past the vendor's retention.
     */
    private Optional<CallPlan> archivePlan(
            TrafficQuery query, Validation<List<QueryProblem>, CallPlan> vendorPlan, Instant now) {
        SourceLimits limits = query.resource().source().limits();
        Step step = query.step().orElse(limits.defaultStep());
        Step archiveStep = SampleArchive.step();
        if (!limits.nativeSteps().contains(archiveStep) || !archiveStep.divides(step)) {
            return Optional.empty();
        }
        if (vendorPlan.isValid()) {
            CallPlan plan = vendorPlan.get();
            if (plan.fetchStep().equals(archiveStep)) {
                return Optional.of(plan);
            }
            boolean pastRetention = plan.warnings().stream()
                    .anyMatch(warning -> warning.kind() == WarningKind.PARTIAL_RETENTION);
            return pastRetention ? plan(query, fetchedAt(limits, archiveStep), now).toJavaOptional() : Optional.empty();
        }
        if (!vendorPlan.getError().stream().allMatch(problem -> problem.kind() == ErrorKind.OUT_OF_RETENTION)) {
            return Optional.empty();
        }
        // Wholly older than the vendor keeps: nothing to call, everything to read from the archive.
        TimeWindow window = query.window().alignedOutward(step);
        if (window.sampleCount(step) > settings.maxPointsPerSeries()) {
            return Optional.empty();
        }
        return Optional.of(new CallPlan(window, step, archiveStep, List.of(), List.of()));
    }

    /** {@code limits} read at {@code fetchStep} or finer: the planner then fetches every step it divides from it. */
    private static SourceLimits fetchedAt(SourceLimits limits, Step fetchStep) {
        Set<Step> steps = new TreeSet<>(limits.nativeSteps());
        steps.removeIf(step -> step.compareTo(fetchStep) > 0);
        return new SourceLimits(steps, fetchStep, limits.maxSpanPerCall(), limits.retention(), limits.metrics(),
                limits.derivedMetrics(), limits.rateLimit());
    }

    /** Per slot of {@code window} at the archive's step: true where the archive lacks any of {@code fetched}. */
    private static boolean[] lacking(Map<Metric, TrafficSeries> held, Set<Metric> fetched, TimeWindow window) {
        boolean[] lacking = new boolean[window.sampleCount(SampleArchive.step())];
        for (Metric metric : fetched) {
            TrafficSeries series = held.get(metric);
            for (int i = 0; i < lacking.length; i++) {
                double value = series == null ? Double.NaN : valueAt(series, window.from(), i);
                lacking[i] |= !SampleArchive.isHeld(value);
            }
        }
        return lacking;
    }

    /** The value of slot {@code i} of a window starting at {@code from}, NaN where {@code series} holds none. */
    private static double valueAt(TrafficSeries series, Instant from, int i) {
        int index = series.indexOf(from.plusSeconds(i * series.step().seconds()));
        return index < 0 ? Double.NaN : series.valueAt(index);
    }

    private static boolean allMissing(boolean[] lacking) {
        for (boolean slot : lacking) {
            if (!slot) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyLacking(boolean[] lacking, TimeWindow window, TimeWindow call) {
        long stepSeconds = SampleArchive.step().seconds();
        int from = (int) ((call.from().getEpochSecond() - window.from().getEpochSecond()) / stepSeconds);
        int to = (int) ((call.to().getEpochSecond() - window.from().getEpochSecond()) / stepSeconds);
        for (int i = Math.max(0, from); i < Math.min(lacking.length, to); i++) {
            if (lacking[i]) {
                return true;
            }
        }
        return false;
    }

    /** The warning for the slots before the vendor's retention {@code edge} that the archive lacks, if any. */
    private static Optional<QueryWarning> unarchivedBefore(Instant edge, boolean[] lacking, CallPlan plan,
                                                           Source source) {
        Step step = SampleArchive.step();
        int before = (int) ((edge.getEpochSecond() - plan.window().from().getEpochSecond()) / step.seconds());
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < Math.min(before, lacking.length); i++) {
            if (lacking[i]) {
                first = first < 0 ? i : first;
                last = i;
                count++;
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        TimeWindow slots = new TimeWindow(plan.window().from().plusSeconds(first * step.seconds()),
                plan.window().from().plusSeconds((last + 1) * step.seconds()));
        String retention = source.limits().retention().map(kept -> kept.toDays() + " days").orElse("a limited time");
        return Optional.of(new QueryWarning(WarningKind.PARTIAL_RETENTION, slots, source.id() + " keeps " + retention
                + " of data and the archive lacks " + count + (count == 1 ? " sample" : " samples") + " at " + step
                + " between " + slots.from() + " and " + slots.to() + " before its oldest sample: they are reported"
                + " missing"));
    }

    private Validation<List<QueryProblem>, CallPlan> plan(TrafficQuery query, SourceLimits limits, Instant now) {
        Source source = query.resource().source();
        return WindowPlanner.plan(source.id(), limits, query.window(), query.step(), now)
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

    private CompletableFuture<Answered> answer(
            TrafficQuery query, Answering answering, RunCalls calls, Instant now) {
        Set<Metric> metrics = query.effectiveMetrics().get(); // checked when planned
        // The vendor is asked for what it serves: a derived metric's basis instead of the metric.
        Set<Metric> fetched = query.resource().source().limits().fetchedMetrics(metrics);
        CallPlan plan = answering.plan();
        List<PlannedCall> planned = answering.calls().stream()
                .map(window -> new PlannedCall(query.resource(), window, plan.fetchStep(), fetched))
                .toList();
        List<CompletableFuture<Either<SourceFailure, SourceAnswer>>> answers = planned.stream()
                .map(calls::answer)
                .toList();
        // A cancelled call answers with the failure that cancelled it, so the query fails with that real failure.
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    Answered answered = assemble(query, answering, metrics, planned,
                            answers.stream().map(CompletableFuture::join).toList(), now);
                    return new Answered(answered.outcome().withCancelledCalls(calls.cancelledAmong(planned)),
                            answered.vendorCalls(), answered.written(), answered.archiveFailure());
                });
    }

    private Answered assemble(
            TrafficQuery query,
            Answering answering,
            Set<Metric> metrics,
            List<PlannedCall> calls,
            List<Either<SourceFailure, SourceAnswer>> answers,
            Instant now) {
        int vendorCalls = (int) calls.stream().distinct().count();
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
            return new Answered(QueryOutcome.failure(query, List.copyOf(failures)), vendorCalls, ArchiveWrite.NOTHING,
                    Optional.empty());
        }
        CallPlan plan = answering.plan();
        Source source = query.resource().source();
        Map<Metric, TrafficSeries> fromVendors = new HashMap<>();
        for (Metric fetched : source.limits().fetchedMetrics(metrics)) {
            List<Chunk> chunks = new ArrayList<>(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                PlannedCall call = calls.get(i);
                // A metric the answer lacks leaves its slots missing: a gap, reported as one.
                answers.get(i).get().series(fetched).ifPresent(found -> chunks.add(new Chunk(call.window(), found)));
            }
            fromVendors.put(fetched, SeriesStitcher.stitch(fetched, plan.window(), plan.fetchStep(), chunks));
        }
        Map<Metric, TrafficSeries> stitched = answering.archived()
                .map(held -> withArchived(fromVendors, held, plan))
                .orElse(fromVendors);
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
        List<QueryWarning> warnings = new ArrayList<>(answering.warnings());
        ArchiveWrite written = ArchiveWrite.NOTHING;
        Optional<String> archiveFailure = Optional.empty();
        if (answering.store() && !calls.isEmpty()) {
            try {
                written = archive.get().write(query.resource(),
                        called(fromVendors, calls, now.minus(SampleArchive.SETTLED_AFTER)));
            } catch (RuntimeException unavailable) {
                archiveFailure = Optional.of(describe(unavailable));
                warnings.add(new QueryWarning(WarningKind.ARCHIVE_UNAVAILABLE, plan.window(),
                        "the vendors' samples could not be stored in the sample archive: "
                                + describe(unavailable)));
            }
        }
        Provenance provenance = provenance(fromVendors, answering.archived(), plan);
        TrafficResult result = new TrafficResult(
                query.key(), source, plan.window(), plan.step(), series, summaries, warnings, provenance);
        return new Answered(QueryOutcome.success(query, result), vendorCalls, written, archiveFailure);
    }

    /** The vendors' series with the archive's samples in the slots no vendor filled: a vendor's value may be newer. */
    private static Map<Metric, TrafficSeries> withArchived(
            Map<Metric, TrafficSeries> fromVendors, Map<Metric, TrafficSeries> held, CallPlan plan) {
        Map<Metric, TrafficSeries> merged = new HashMap<>();
        fromVendors.forEach((metric, vendor) -> {
            TrafficSeries stored = held.get(metric);
            if (stored == null) {
                merged.put(metric, vendor);
                return;
            }
            TrafficSeries.Builder builder = TrafficSeries.builder(metric, plan.window(), plan.fetchStep());
            for (int i = 0; i < builder.size(); i++) {
                // A remembered gap is a plain NaN from here on: nothing after the archive needs to tell it apart.
                double archived = valueAt(stored, plan.window().from(), i);
                builder.set(i, vendor.isPresent(i) ? vendor.valueAt(i)
                        : Double.isNaN(archived) ? Double.NaN : archived);
            }
            merged.put(metric, builder.build());
        });
        return merged;
    }

    /**
     * The vendors' series cut to the span of the calls made, so that storing them touches no other slot, with
     * {@link SampleArchive#NO_SAMPLE} in each slot a call covered, had no sample for, and that ends by {@code settled}.
     */
    private static List<TrafficSeries> called(
            Map<Metric, TrafficSeries> fromVendors, List<PlannedCall> calls, Instant settled) {
        Instant from = calls.stream().map(call -> call.window().from()).min(Instant::compareTo).orElseThrow();
        Instant to = calls.stream().map(call -> call.window().to()).max(Instant::compareTo).orElseThrow();
        List<TrafficSeries> called = new ArrayList<>();
        fromVendors.values().forEach(series -> {
            int first = series.indexOf(from);
            double[] values = Arrays.copyOfRange(series.values(), first,
                    first + new TimeWindow(from, to).sampleCount(series.step()));
            long stepSeconds = series.step().seconds();
            for (PlannedCall call : calls) {
                int start = (int) ((call.window().from().getEpochSecond() - from.getEpochSecond()) / stepSeconds);
                int end = (int) ((call.window().to().getEpochSecond() - from.getEpochSecond()) / stepSeconds);
                for (int i = start; i < end; i++) {
                    Instant slotEnd = from.plusSeconds((i + 1) * stepSeconds);
                    if (Double.isNaN(values[i]) && !slotEnd.isAfter(settled)) {
                        values[i] = SampleArchive.NO_SAMPLE;
                    }
                }
            }
            called.add(TrafficSeries.of(series.metric(), from, series.step(), values));
        });
        return called;
    }

    private static Provenance provenance(
            Map<Metric, TrafficSeries> fromVendors, Optional<Map<Metric, TrafficSeries>> held, CallPlan plan) {
        int slots = plan.window().sampleCount(plan.fetchStep());
        int archived = 0;
        int fetched = 0;
        for (int i = 0; i < slots; i++) {
            boolean vendorValue = false;
            boolean archiveValue = false;
            for (Map.Entry<Metric, TrafficSeries> vendor : fromVendors.entrySet()) {
                vendorValue |= vendor.getValue().isPresent(i);
                TrafficSeries stored = held.map(series -> series.get(vendor.getKey())).orElse(null);
                archiveValue |= stored != null && !Double.isNaN(valueAt(stored, plan.window().from(), i));
            }
            if (vendorValue) {
                fetched++;
            } else if (archiveValue) {
                archived++;
            }
        }
        return new Provenance(archived, fetched, slots - archived - fetched);
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

    /**
     * Why the archive failed, fit for a warning: an {@link ArchiveUnavailableException}'s message is written for users
     * and holds no credentials; any other exception is a bug, named by its type only since its message might.
     */
    static String describe(RuntimeException failure) {
        return failure instanceof ArchiveUnavailableException
                ? failure.getMessage()
                : "the archive failed (" + failure.getClass().getSimpleName() + ")";
    }

    QuerySettings settings() {
        return settings;
    }

    private static List<Answered> rejectAll(List<TrafficQuery> queries, String message) {
        QueryProblem problem = QueryProblem.invalid("", message);
        return queries.stream().map(query -> Answered.unanswered(QueryOutcome.failure(query, List.of(problem))))
                .toList();
    }
}
