package dev.trafficlens.domain.port.out;

import dev.trafficlens.domain.model.RateLimit;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Permits for vendor calls counted across every replica sharing one store, so that a vendor's per-credential rate
 * limit holds for the fleet and not just for each process. Each process still limits itself (the adapters' own rate
 * limiters); this is the fleet-wide count in front of them.
 */
public interface SharedCallPermits {

    /**
     * One permit under {@code key}, at most {@code rate} across every replica. Completes {@code true} once the permit
     * is granted, at the latest after {@code longestWait}; {@code false} at once when no permit can be had within
     * {@code longestWait} (nothing is consumed then). Never blocks the caller while waiting. The first caller to use
     * a key sets its rate; a store that cannot be reached completes exceptionally with
     * {@link ArchiveUnavailableException}.
     */
    CompletionStage<Boolean> acquire(CallPermitKey key, RateLimit rate, Duration longestWait);

    /**
     * Grants every permit at once: for a store only one process uses (the embedded H2 archive), where the process's
     * own rate limiters already are the whole fleet's.
     */
    static SharedCallPermits unshared() {
        return UNSHARED;
    }

    /** What {@link #unshared()} returns: one instance, so that a caller can leave the permits out altogether. */
    SharedCallPermits UNSHARED = (key, rate, longestWait) -> CompletableFuture.completedFuture(true);
}
