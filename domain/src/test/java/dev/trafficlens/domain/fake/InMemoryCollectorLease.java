package dev.trafficlens.domain.fake;

import dev.trafficlens.domain.port.out.CollectorLease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link CollectorLease} contract for one process: held by one run at a time, or by "another replica". */
public final class InMemoryCollectorLease implements CollectorLease {

    private boolean held;
    private boolean lost;
    private Duration lastAsked;
    private final List<Duration> extensions = new ArrayList<>();

    @Override
    public synchronized Optional<Held> tryAcquire(Duration atMost) {
        lastAsked = atMost;
        if (held) {
            return Optional.empty();
        }
        held = true;
        lost = false;
        return Optional.of(new Held() {
            @Override
            public boolean extend(Duration extendedFor) {
                synchronized (InMemoryCollectorLease.this) {
                    extensions.add(extendedFor);
                    return !lost;
                }
            }

            @Override
            public void close() {
                synchronized (InMemoryCollectorLease.this) {
                    held = false;
                }
            }
        });
    }

    /** Stands for the held lease expiring and being taken by another replica: the holder's next extension fails. */
    public synchronized void lose() {
        lost = true;
    }

    /** The durations the holder asked for at each extension, oldest first. */
    public synchronized List<Duration> extensions() {
        return List.copyOf(extensions);
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
