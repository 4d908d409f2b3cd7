package dev.trafficlens.archfixture.adapters.acme;

import dev.trafficlens.archfixture.adapters.support.FixtureExchange;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Keeps the adapter rule: the outbound port, the model, the support and its own vendor package. */
public class AcmeTrafficSource implements TrafficSource {

    private final FixtureExchange exchange = new FixtureExchange();
    private final AcmeSigner signer = new AcmeSigner();

    @Override
    public Set<Source> sources() {
        return Set.of(Source.ZENLAYER_PRIVATE_CONNECT);
    }

    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        return null;
    }
}
