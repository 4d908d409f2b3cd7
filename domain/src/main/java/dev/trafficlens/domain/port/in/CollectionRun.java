package dev.trafficlens.domain.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one collection did. A run that found another holder of the collector's lease did nothing: {@code skipped},
 * with no {@code finishedAt} and zero counts. Otherwise {@code links} counts the links it read (unknown ids asked for
 * are failures, not links), {@code vendorCalls} the vendor calls it planned (a cache may have answered some),
 * {@code samplesStored} the samples new to the archive and {@code samplesRevised} the stored samples a vendor has
 * since changed (late revisions), and {@code failures} the links that were not collected, whose watermark stayed.
 */
public record CollectionRun(
        Instant startedAt,
        Optional<Instant> finishedAt,
        boolean skipped,
        int links,
        int vendorCalls,
        long samplesStored,
        long samplesRevised,
        List<CollectionFailure> failures) {

    public CollectionRun {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        failures = List.copyOf(failures);
    }

    /** The run that did nothing because another replica holds the lease. */
    public static CollectionRun skipped(Instant startedAt) {
        return new CollectionRun(startedAt, Optional.empty(), true, 0, 0, 0, 0, List.of());
    }
}
