package dev.trafficlens.archfixture.domain.stats;

import dev.trafficlens.archfixture.domain.plan.CyclicPlanner;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** Seeded violation: a domain class reaching for a library the domain must not use, and into a cycle. */
public final class LeakyStatistics {

    public double p95(double[] values) {
        return new Percentile().evaluate(values, 95);
    }

    public CyclicPlanner planner() {
        return new CyclicPlanner();
    }
}
