package dev.trafficlens.domain.plan;

import dev.trafficlens.domain.model.QueryWarning;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import java.util.List;
import java.util.Objects;

/**
 * How one query will be answered: the {@code window} it reports (the requested one, widened to the step grid), the
 * {@code step} it reports at, the native {@code fetchStep} the vendor is asked for, and the vendor calls, in order.
 * The calls partition the part of the window the vendor can answer (not in the future, within retention); the rest
 * of the window is reported as missing, and {@code warnings} say which part and why.
 */
public record CallPlan(TimeWindow window, Step step, Step fetchStep, List<TimeWindow> calls,
                       List<QueryWarning> warnings) {

    public CallPlan {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(fetchStep, "fetchStep");
        calls = List.copyOf(calls);
        warnings = List.copyOf(warnings);
    }

    public boolean needsResampling() {
        return !step.equals(fetchStep);
    }
}
