package dev.trafficlens.archfixture.sandbox;

import dev.trafficlens.archfixture.sandbox.traffic.FixtureTraffic;

/** Keeps the sandbox rule: it uses only the sandbox. */
public class FixtureSimulator {

    private final FixtureTraffic traffic = new FixtureTraffic();
}
