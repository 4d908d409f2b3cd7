package dev.trafficlens.archfixture.sandbox;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.domain.model.Step;

/** Breaks the sandbox rule: it shares the domain's steps and the adapters' secret. */
public class LeakySimulator {

    private Step step;
    private Secret key;
}
