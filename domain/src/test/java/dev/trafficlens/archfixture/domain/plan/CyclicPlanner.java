package dev.trafficlens.archfixture.domain.plan;

import dev.trafficlens.archfixture.domain.stats.LeakyStatistics;

/** Seeded violation: plan uses stats while stats uses plan. */
public final class CyclicPlanner {

    public LeakyStatistics statistics() {
        return new LeakyStatistics();
    }
}
