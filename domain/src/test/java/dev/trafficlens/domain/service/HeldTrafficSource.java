package dev.trafficlens.domain.service;

import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A vendor that answers a call only when the test says so, on the test's thread: what the service sends after each
 * answer is then exact, with no timing involved.
 */
final class HeldTrafficSource implements TrafficSource {

    /** A call the vendor received, waiting for the test to answer it. */
    record Held(PlannedCall call, CompletableFuture<Either<SourceFailure, SourceAnswer>> answer) {

        void answerWithTraffic() {
            answer.complete(FakeTrafficSource.answer(call));
        }

        void fail(SourceFailure failure) {
            answer.complete(Either.left(failure));
        }
    }

    private final Set<Source> sources;
    private final List<Held> received = Collections.synchronizedList(new ArrayList<>());

    HeldTrafficSource(Source... sources) {
        this.sources = Set.of(sources);
    }

    @Override
    public Set<Source> sources() {
        return sources;
    }

    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        Held held = new Held(call, new CompletableFuture<>());
        received.add(held);
        return held.answer();
    }

    /** Every call the vendor received, in order. */
    List<Held> received() {
        return List.copyOf(received);
    }

    List<Held> receivedFor(ResourceRef resource) {
        return received().stream().filter(held -> held.call().resource().equals(resource)).toList();
    }

    List<Held> unanswered() {
        return received().stream().filter(held -> !held.answer().isDone()).toList();
    }

    /** Answers every call with traffic, including those the answers let start, until none is left. */
    void answerAllWithTraffic() {
        for (List<Held> open = unanswered(); !open.isEmpty(); open = unanswered()) {
            open.forEach(Held::answerWithTraffic);
        }
    }
}
