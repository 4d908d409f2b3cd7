package dev.trafficlens.domain.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link LinkCollector} runs.
 *
 * @param settle                   how far behind its watermark each run re-reads a link, to pick up late or revised
 *                                 samples
 * @param lease                    how long the collector's lease lasts unless extended; a run extends it every third
 *                                 of it, so it must exceed what one piece (one refresh) takes, and a replica killed
 *                                 mid-run is taken over once it passes
 * @param parallelLinks            how many links are collected at once; calls still wait at each source's gate
 * @param backfillWithoutRetention how far a link's first run reads back when its vendor documents no retention
 */
public record CollectorSettings(Duration settle, Duration lease, int parallelLinks, Duration backfillWithoutRetention) {

    public static final CollectorSettings DEFAULTS =
            new CollectorSettings(Duration.ofMinutes(15), Duration.ofHours(1), 4, Duration.ofDays(30));

    public CollectorSettings {
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(backfillWithoutRetention, "backfillWithoutRetention");
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle: expected zero or more, got " + settle);
        }
        if (lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("lease: expected a positive duration, got " + lease);
        }
        if (parallelLinks < 1) {
            throw new IllegalArgumentException("parallelLinks: expected at least 1, got " + parallelLinks);
        }
        if (backfillWithoutRetention.isZero() || backfillWithoutRetention.isNegative()) {
            throw new IllegalArgumentException("backfillWithoutRetention: expected a positive duration, got "
                    + backfillWithoutRetention);
        }
    }

    public CollectorSettings withSettle(Duration newSettle) {
        return new CollectorSettings(newSettle, lease, parallelLinks, backfillWithoutRetention);
    }

    public CollectorSettings withLease(Duration newLease) {
        return new CollectorSettings(settle, newLease, parallelLinks, backfillWithoutRetention);
    }

    public CollectorSettings withParallelLinks(int links) {
        return new CollectorSettings(settle, lease, links, backfillWithoutRetention);
    }
}
