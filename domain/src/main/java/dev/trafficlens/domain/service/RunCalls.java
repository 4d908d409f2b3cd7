package dev.trafficlens.domain.service;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vendor calls of one run. Identical calls go out once, each source's behind its gate. A call answered
 * {@code NOT_FOUND} shows that its resource is unknown, and one answered {@code UNAUTHENTICATED} that its source
 * refuses the key: the run's calls of that resource, or of that source, not yet sent are then never sent, since they
 * would be refused alike and would spend the rate limit the run's other calls need. Each ends with the failure that
 * made it unneeded and counts as cancelled; calls already in flight finish.
 */
final class RunCalls {

    /** How a call ended: the source's answer, or the failure of another call that made sending it pointless. */
    private record Ended(Either<SourceFailure, SourceAnswer> answer, boolean cancelled) {

        static Ended answered(Either<SourceFailure, SourceAnswer> answer) {
            return new Ended(answer, false);
        }

        static Ended cancelled(SourceFailure cause) {
            return new Ended(Either.left(cause), true);
        }
    }

    private final Map<Source, TrafficSource> sources;
    private final Map<Source, SourceGate> gates;
    /** Touched only by the thread that plans the run. */
    private final Map<PlannedCall, CompletableFuture<Either<SourceFailure, SourceAnswer>>> calls = new HashMap<>();
    private final Set<PlannedCall> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<ResourceRef, SourceFailure> unknownResources = new ConcurrentHashMap<>();
    private final Map<Source, SourceFailure> refusingSources = new ConcurrentHashMap<>();

    RunCalls(Map<Source, TrafficSource> sources, Map<Source, SourceGate> gates) {
        this.sources = sources;
        this.gates = gates;
    }

    /**
     * The answer to {@code call}, the failure that made it unneeded if it was cancelled, or a {@code VENDOR_UNAVAILABLE}
     * failure if the source could not be read. The stage never completes exceptionally.
     */
    CompletableFuture<Either<SourceFailure, SourceAnswer>> answer(PlannedCall call) {
        return calls.computeIfAbsent(call, this::dispatch);
    }

    /** How many of {@code planned} were cancelled, once their answers are in. */
    int cancelledAmong(Collection<PlannedCall> planned) {
        return (int) planned.stream().distinct().filter(cancelled::contains).count();
    }

    private CompletableFuture<Either<SourceFailure, SourceAnswer>> dispatch(PlannedCall call) {
        Source source = call.source();
        TrafficSource adapter = sources.get(source);
        if (adapter == null) {
            return CompletableFuture.completedFuture(Either.left(SourceFailure.of(ErrorKind.VENDOR_UNAVAILABLE, source,
                    source.id() + " is not configured: no adapter or credentials were given for it")));
        }
        CompletableFuture<Ended> ended = unneeded(call)
                .map(CompletableFuture::completedFuture)
                // An answer the source holds already costs the vendor nothing, so it does not wait at the source's gate.
                .or(() -> adapter.answered(call).map(held -> held.toCompletableFuture().thenApply(Ended::answered)))
                .orElseGet(() -> gates.get(source).submit(
                        () -> adapter.fetch(call).thenApply(Ended::answered), () -> unneeded(call),
                        answer -> learnFrom(call, answer)));
        return ended.handle((end, failure) -> {
            if (failure != null || end == null || end.answer() == null) {
                // Exceptions are bugs or broken connections by the port's contract; the type says which.
                String cause = failure == null ? "no answer" : rootCause(failure).getClass().getSimpleName();
                return Either.left(SourceFailure.of(ErrorKind.VENDOR_UNAVAILABLE, source,
                        source.id() + " could not be read (" + cause + ")"));
            }
            if (end.cancelled()) {
                cancelled.add(call);
            }
            return end.answer();
        });
    }

    /** The failure {@code call} would meet, if another call of the run has already met it. */
    private Optional<Ended> unneeded(PlannedCall call) {
        return Optional.ofNullable(unknownResources.get(call.resource()))
                .or(() -> Optional.ofNullable(refusingSources.get(call.source())))
                .map(Ended::cancelled);
    }

    /** Runs before the call's place at the gate is released: true when waiting calls may have become unneeded. */
    private boolean learnFrom(PlannedCall call, Ended end) {
        if (end == null || end.answer() == null || end.answer().isRight()) {
            return false;
        }
        SourceFailure failure = end.answer().getLeft();
        if (!failure.kind().cancelsOtherCalls()) {
            return false;
        }
        return failure.kind() == ErrorKind.NOT_FOUND
                ? unknownResources.putIfAbsent(call.resource(), failure) == null
                : refusingSources.putIfAbsent(call.source(), failure) == null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
