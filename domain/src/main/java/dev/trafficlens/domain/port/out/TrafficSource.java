package dev.trafficlens.domain.port.out;

import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import io.vavr.control.Either;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A vendor's traffic, one planned call at a time: the outbound port each adapter implements. A call never asks for
 * more than its source allows (the planner sees to that). Failures the vendor reports come back as a
 * {@link SourceFailure} value, never as an exception; an exception is treated as the vendor being unreachable.
 */
public interface TrafficSource {

    /** The sources this adapter answers for; one vendor protocol may serve several. */
    Set<Source> sources();

    /** Fetches {@code call.metrics()} over {@code call.window()} at {@code call.step()}, without blocking the caller. */
    CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call);
}
