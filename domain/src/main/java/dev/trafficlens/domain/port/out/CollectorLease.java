package dev.trafficlens.domain.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * Makes one replica at a time run the collector. A lease is held until closed or until {@code atMost} passes, so a
 * replica killed mid-run is taken over once its lease expires.
 */
public interface CollectorLease {

    /** The lease, or empty when another holder has it now. */
    Optional<Held> tryAcquire(Duration atMost);

    /** A held lease; closing it lets another replica run. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
