package dev.trafficlens.archfixture.sandbox.traffic;

/** Keeps the sandbox rule: the sandbox's own classes. */
public class FixtureTraffic {
}
