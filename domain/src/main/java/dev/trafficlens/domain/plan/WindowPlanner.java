package dev.trafficlens.domain.plan;

import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.SourceLimits;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Splits a requested window into the fewest calls a source allows. Checks the step against the source's native steps
 * and the window against its retention relative to {@code now}, reporting every problem at once. No I/O: the caller
 * passes the time.
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
        Optional<Instant> earliest = limits.retention().map(now::minus);
        if (earliest.isPresent() && requested.from().isBefore(earliest.get())) {
            problems = problems.append(QueryProblem.outOfRetention("from", sourceName + " keeps "
                    + describe(limits.retention().get()) + " of data: expected a time on or after " + earliest.get()
                    + ", got " + requested.from()));
        }
        if (!problems.isEmpty()) {
            return Validation.invalid(problems);
        }
        return Validation.valid(split(limits, requested.alignedOutward(step), step, fetchStep.get(), now));
    }

    private static CallPlan split(SourceLimits limits, TimeWindow window, Step step, Step fetchStep, Instant now) {
        Instant fetchFrom = window.from();
        if (limits.retention().isPresent()) {
            Instant earliest = fetchStep.ceil(now.minus(limits.retention().get()).plus(RETENTION_MARGIN));
            fetchFrom = earliest.isAfter(fetchFrom) ? earliest : fetchFrom;
        }
        Instant present = fetchStep.ceil(now);
        Instant fetchTo = present.isBefore(window.to()) ? present : window.to();
        java.util.List<TimeWindow> calls = new ArrayList<>();
        Duration span = limits.maxSpanPerCall();
        for (Instant start = fetchFrom; start.isBefore(fetchTo); start = start.plus(span)) {
            Instant end = start.plus(span);
            calls.add(new TimeWindow(start, end.isBefore(fetchTo) ? end : fetchTo));
        }
        return new CallPlan(window, step, fetchStep, calls);
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
