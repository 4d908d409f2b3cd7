package dev.trafficlens.archfixture.adapters.support;

import dev.trafficlens.domain.model.SourceFailure;

/** Keeps the adapter rule: the adapters' support may use the model. */
public class FixtureExchange {

    public SourceFailure unreachable() {
        return null;
    }
}
