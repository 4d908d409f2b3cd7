package dev.trafficlens.domain.port.out;

import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import io.vavr.control.Either;
import java.util.Optional;
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

    /**
     * The answer to {@code call} if this source already holds it or is already fetching it, so that giving it costs
     * the vendor nothing: the service then hands it out without waiting for the source's concurrency or rate limit.
     * Empty (the default) when answering means calling the vendor; a cache in front of an adapter overrides it.
     */
    default Optional<CompletionStage<Either<SourceFailure, SourceAnswer>>> answered(PlannedCall call) {
        return Optional.empty();
    }
}
