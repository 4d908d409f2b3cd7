package dev.trafficlens.domain.port.out;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where samples outlive the vendors' retention: every 5-minute sample trafficlens has seen, per resource and metric,
 * as the vendor reported it (a derived metric is derived again when read, never stored). An implementation that
 * cannot reach its store throws {@link ArchiveUnavailableException}; the caller then answers from vendors alone.
 */
public interface SampleArchive {

    /** The step every archived series has. */
    static dev.trafficlens.domain.model.Step step() {
        return dev.trafficlens.domain.model.Step.FIVE_MINUTES;
    }

    /**
     * The stored samples of {@code resource} over {@code window} (on the 5-minute grid), one series per requested
     * metric covering the whole window, NaN where nothing is stored.
     */
    Map<Metric, TrafficSeries> read(ResourceRef resource, Set<Metric> metrics, TimeWindow window);

    /**
     * Stores the present samples of {@code series} (each at the 5-minute step); a missing sample (NaN) never erases a
     * stored one, and a present sample that differs from the stored one replaces it and counts as revised.
     */
    ArchiveWrite write(ResourceRef resource, List<TrafficSeries> series);

    /** Forgets every sample of {@code resource}; returns how many were removed. */
    long purge(ResourceRef resource);

    /** Forgets every sample before {@code cutoff}; returns how many were removed. */
    long purgeBefore(Instant cutoff);

    /** What one write did: samples newly stored, and stored samples replaced by a different value. */
    record ArchiveWrite(long stored, long revised) {
        public static final ArchiveWrite NOTHING = new ArchiveWrite(0, 0);

        public ArchiveWrite plus(ArchiveWrite other) {
            return new ArchiveWrite(stored + other.stored, revised + other.revised);
        }
    }
}
