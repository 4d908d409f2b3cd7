package dev.trafficlens.domain.plan;

import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.QueryWarning;
import dev.trafficlens.domain.model.SourceLimits;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.WarningKind;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Splits a requested window into the fewest calls a source allows. Checks the step against the source's native steps
 * and the window against its retention relative to {@code now}, reporting every problem at once. A window reaching
 * past the retention edge or into the future is answered for the part the vendor can serve, with a warning naming
 * the rest; only a window entirely older than the retention is refused. No I/O: the caller passes the time.
 */
public final class WindowPlanner {

    /**
     * Calls start this far inside the retention edge, because a vendor checks the edge when the call arrives, a
     * moment after we planned it.
     */
    static final Duration RETENTION_MARGIN = Duration.ofMinutes(1);

    private WindowPlanner() {
    }

    /**
     * @param sourceName    named in messages, such as {@code zenlayer.private-connect}
     * @param limits        what the source allows
     * @param requested     the window asked for; it is widened to the step grid
     * @param requestedStep the step to report at; empty means the source's default step
     * @param now           the present, for retention and for not asking about the future
     */
    public static Validation<Seq<QueryProblem>, CallPlan> plan(
            String sourceName, SourceLimits limits, TimeWindow requested, Optional<Step> requestedStep, Instant now) {
        Step step = requestedStep.orElse(limits.defaultStep());
        List<QueryProblem> problems = List.empty();
        Optional<Step> fetchStep = limits.fetchStepFor(step);
        if (fetchStep.isEmpty()) {
            problems = problems.append(QueryProblem.invalid("step", stepExpectation(sourceName, limits, step)));
        }
        if (!requested.from().isBefore(now)) {
            problems = problems.append(QueryProblem.invalid(
                    "from", "expected a time before now (" + now + ") for there to be data, got " + requested.from()));
        }
        TimeWindow window = requested.alignedOutward(step);
        Step grid = fetchStep.orElse(limits.finestStep());
        Instant fetchTo = min(grid.ceil(now), window.to());
        Optional<Instant> edge = limits.retention().map(kept -> grid.ceil(now.minus(kept).plus(RETENTION_MARGIN)));
        if (edge.isPresent() && !edge.get().isBefore(fetchTo)) {
            // Only a window with nothing left to ask for is refused; one reaching past the edge is answered in part.
            problems = problems.append(QueryProblem.outOfRetention("from", sourceName + " keeps "
                    + describe(limits.retention().get()) + " of data and the whole window is older: expected a time on"
                    + " or after " + now.minus(limits.retention().get()) + ", got " + requested));
        }
        if (!problems.isEmpty()) {
            return Validation.invalid(problems);
        }
        Instant fetchFrom = edge.filter(oldest -> oldest.isAfter(window.from())).orElse(window.from());
        java.util.List<QueryWarning> warnings = new ArrayList<>(2);
        if (fetchFrom.isAfter(window.from())) {
            TimeWindow gone = new TimeWindow(window.from(), fetchFrom);
            warnings.add(new QueryWarning(WarningKind.PARTIAL_RETENTION, gone, sourceName + " keeps "
                    + describe(limits.retention().get()) + " of data: " + describe(gone, grid)
                    + " before its oldest sample and are reported missing"));
        }
        if (fetchTo.isBefore(window.to())) {
            TimeWindow ahead = new TimeWindow(fetchTo, window.to());
            warnings.add(new QueryWarning(WarningKind.FUTURE_SLOTS, ahead, describe(ahead, grid)
                    + " after the present (" + now + ") and are reported missing"));
        }
        return Validation.valid(new CallPlan(window, step, grid, calls(limits, fetchFrom, fetchTo), warnings));
    }

    private static java.util.List<TimeWindow> calls(SourceLimits limits, Instant fetchFrom, Instant fetchTo) {
        java.util.List<TimeWindow> calls = new ArrayList<>();
        Duration span = limits.maxSpanPerCall();
        for (Instant start = fetchFrom; start.isBefore(fetchTo); start = start.plus(span)) {
            calls.add(new TimeWindow(start, min(start.plus(span), fetchTo)));
        }
        return calls;
    }

    private static String describe(TimeWindow slots, Step step) {
        int count = slots.sampleCount(step);
        return "the " + count + (count == 1 ? " sample" : " samples") + " at " + step + " from " + slots.from()
                + " to " + slots.to() + (count == 1 ? " lies" : " lie");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String stepExpectation(String sourceName, SourceLimits limits, Step step) {
        String steps = List.ofAll(limits.nativeSteps()).mkString(", ");
        if (step.compareTo(limits.finestStep()) < 0) {
            return sourceName + " has no samples finer than " + limits.finestStep() + ": expected a step of "
                    + limits.finestStep() + " or coarser, got " + step;
        }
        return sourceName + " serves steps " + steps + ": expected a multiple of one of them, got " + step;
    }

    private static String describe(Duration retention) {
        return retention.toHours() % 24 == 0 ? retention.toDays() + " days" : retention.toHours() + " hours";
    }
}
