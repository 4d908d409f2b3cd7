package dev.trafficlens.domain.service;

import dev.trafficlens.domain.port.out.SampleArchive;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Forgets archived samples older than {@code keep}; the service runs it daily. */
public final class SamplePurge {

    /** Two years and a month of margin: last year's bills can be checked against the year before. */
    public static final Duration DEFAULT_KEEP = Duration.ofDays(760);

    private final SampleArchive archive;
    private final Clock clock;
    private final Duration keep;

    public SamplePurge(SampleArchive archive, Clock clock, Duration keep) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keep = Objects.requireNonNull(keep, "keep");
        if (keep.isZero() || keep.isNegative()) {
            throw new IllegalArgumentException("keep: expected a positive duration, got " + keep);
        }
    }

    /**
     * Removes every sample older than {@code keep} before now; returns how many.
     *
     * @throws dev.trafficlens.domain.port.out.ArchiveUnavailableException when the archive cannot be reached
     */
    public long purge() {
        return archive.purgeBefore(clock.instant().minus(keep));
    }
}
