package dev.trafficlens.domain.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * Makes one replica at a time run the collector. A lease is held until closed or until {@code atMost} passes, so a
 * replica killed mid-run is taken over once its lease expires. A live run extends its lease as it goes (a heartbeat),
 * so the lease can be short (a few collection intervals) and a dead holder's lease soon expires.
 */
public interface CollectorLease {

    /** The lease, or empty when another holder has it now. */
    Optional<Held> tryAcquire(Duration atMost);

    /** A held lease; closing it lets another replica run. */
    interface Held extends AutoCloseable {

        /**
         * Holds the lease for {@code atMost} from now; false when it was lost meanwhile (it expired, and another
         * replica may have taken it), after which this holder must not go on as if it held it.
         */
        boolean extend(Duration atMost);

        @Override
        void close();
    }
}
