package dev.trafficlens.archfixture.domain.port.out;

/** Allowed in a port package: a record carrying a port's data. Must not be reported. */
public record PlannedFetch(String resource) {
}
