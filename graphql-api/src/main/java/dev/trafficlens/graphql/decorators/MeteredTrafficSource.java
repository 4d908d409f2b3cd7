package dev.trafficlens.graphql.decorators;

import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vavr.control.Either;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Times every planned call that passes through, tagged with its source, its outcome ({@code ok} or the domain's
 * error kind) and the vendor's error code. Wired twice: above the cache it counts every planned call
 * ({@value DecoratorChain#PLANNED_CALLS}), below it only those that reached the vendor
 * ({@value DecoratorChain#VENDOR_CALLS}, retries and rate-limit waits included).
 */
public final class MeteredTrafficSource implements TrafficSource {

    private final TrafficSource next;
    private final MeterRegistry registry;
    private final String meterName;

    MeteredTrafficSource(TrafficSource next, MeterRegistry registry, String meterName) {
        this.next = next;
        this.registry = registry;
        this.meterName = meterName;
    }

    @Override
    public Set<Source> sources() {
        return next.sources();
    }

    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        return timed(call, next.fetch(call));
    }

    @Override
    public Optional<CompletionStage<Either<SourceFailure, SourceAnswer>>> answered(PlannedCall call) {
        return next.answered(call).map(answer -> timed(call, answer));
    }

    private CompletionStage<Either<SourceFailure, SourceAnswer>> timed(
            PlannedCall call, CompletionStage<Either<SourceFailure, SourceAnswer>> answer) {
        Timer.Sample started = Timer.start(registry);
        return answer.whenComplete((outcome, bug) -> started.stop(Timer.builder(meterName)
                .tag("source", call.source().id())
                .tag("outcome", outcome == null ? "bug" : outcome.isRight() ? "ok" : outcome.getLeft().kind().name())
                .tag("code", outcome == null || outcome.isRight() ? "none" : outcome.getLeft().vendorCode().orElse("none"))
                .register(registry)));
    }

    @Override
    public String toString() {
        return "metered " + next;
    }
}
