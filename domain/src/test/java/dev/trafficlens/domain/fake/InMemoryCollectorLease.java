package dev.trafficlens.domain.fake;

import dev.trafficlens.domain.port.out.CollectorLease;
import java.time.Duration;
import java.util.Optional;

/** The {@link CollectorLease} contract for one process: held by one run at a time, or by "another replica". */
public final class InMemoryCollectorLease implements CollectorLease {

    private boolean held;
    private Duration lastAsked;

    @Override
    public synchronized Optional<Held> tryAcquire(Duration atMost) {
        lastAsked = atMost;
        if (held) {
            return Optional.empty();
        }
        held = true;
        return Optional.of(() -> {
            synchronized (this) {
                held = false;
            }
        });
    }

    /** Stands for another replica taking the lease. */
    public synchronized void takenElsewhere() {
        held = true;
    }

    public synchronized boolean isHeld() {
        return held;
    }

    public synchronized Duration lastAsked() {
        return lastAsked;
    }
}
