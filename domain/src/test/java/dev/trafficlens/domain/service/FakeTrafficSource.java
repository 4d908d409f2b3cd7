package dev.trafficlens.domain.service;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A vendor in memory: answers every call with a deterministic series (a gap every seventh slot), after a delay, and
 * records how many calls were in flight at once. A call's answer can be replaced per test.
 */
final class FakeTrafficSource implements TrafficSource {

    private final Set<Source> sources;
    private final long delayMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<PlannedCall> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<PlannedCall, Either<SourceFailure, SourceAnswer>> behaviour = FakeTrafficSource::answer;

    FakeTrafficSource(long delayMillis, Source... sources) {
        this.delayMillis = delayMillis;
        this.sources = Set.of(sources);
    }

    FakeTrafficSource answering(Function<PlannedCall, Either<SourceFailure, SourceAnswer>> newBehaviour) {
        this.behaviour = newBehaviour;
        return this;
    }

    @Override
    public Set<Source> sources() {
        return sources;
    }

    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        calls.add(call);
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        Executor later = CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> {
            inFlight.decrementAndGet();
            return behaviour.apply(call);
        }, later);
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    List<PlannedCall> calls() {
        return List.copyOf(calls);
    }

    /** The value the fake vendor holds for {@code metric} at {@code time}, NaN for its gaps. */
    static double valueAt(Metric metric, Instant time, long stepSeconds) {
        long slot = time.getEpochSecond() / stepSeconds;
        if (slot % 7 == 0) {
            return Double.NaN;
        }
        return (slot % 1000) * 1_000 + metric.direction().ordinal();
    }

    static Either<SourceFailure, SourceAnswer> answer(PlannedCall call) {
        List<TrafficSeries> series = new ArrayList<>();
        for (Metric metric : call.metrics()) {
            TrafficSeries.Builder builder = TrafficSeries.builder(metric, call.window(), call.step());
            for (int i = 0; i < builder.size(); i++) {
                Instant time = call.window().from().plusSeconds(i * call.step().seconds());
                builder.set(i, valueAt(metric, time, call.step().seconds()));
            }
            series.add(builder.build());
        }
        return Either.right(new SourceAnswer(series, List.of()));
    }
}
