package dev.trafficlens.archfixture.graphql.decorators;

import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Keeps the graphql-api rule: a decorator of the outbound port, in the decorators package, may speak it. */
public class CountingTrafficSource implements TrafficSource {

    private final TrafficSource decorated;

    public CountingTrafficSource(TrafficSource decorated) {
        this.decorated = decorated;
    }

    @Override
    public Set<Source> sources() {
        return decorated.sources();
    }

    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        return decorated.fetch(call);
    }
}
