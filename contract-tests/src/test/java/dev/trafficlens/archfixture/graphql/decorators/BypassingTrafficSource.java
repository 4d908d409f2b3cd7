package dev.trafficlens.archfixture.graphql.decorators;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Breaks the graphql-api rule: a decorator that reaches into the adapters' support instead of being wired. */
public class BypassingTrafficSource implements TrafficSource {

    private Secret key;

    @Override
    public Set<Source> sources() {
        return Set.of();
    }

    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        return null;
    }
}
