package dev.trafficlens.domain.port.out;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import java.time.Duration;
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

    /**
     * A slot the vendor answered with no sample, once settled (see {@link #SETTLED_AFTER}): remembered so that the
     * slot is not asked for again. It is a NaN with its own bit pattern, so anything that reads it as a value sees
     * NaN, missing; only {@link #isNoSample} tells it from a slot nothing is known about.
     */
    double NO_SAMPLE = Double.longBitsToDouble(0x7ff8_0000_6761_7000L);

    /**
     * How old a slot must be before a vendor's "no sample" for it is final: vendors publish late samples within
     * minutes, and the collector's settle window re-reads the recent slots anyway, so an hour leaves a wide margin.
     */
    Duration SETTLED_AFTER = Duration.ofHours(1);

    /** Whether {@code value} is {@link #NO_SAMPLE} (by its bits: every NaN compares unequal). */
    static boolean isNoSample(double value) {
        return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(NO_SAMPLE);
    }

    /**
     * Whether a value read from the archive settles its slot: a sample, or {@link #NO_SAMPLE}. A plain NaN is a slot
     * the archive knows nothing about, which a query asks the vendor for while the vendor still keeps it.
     */
    static boolean isHeld(double value) {
        return !Double.isNaN(value) || isNoSample(value);
    }

    /** The step every archived series has. */
    static dev.trafficlens.domain.model.Step step() {
        return dev.trafficlens.domain.model.Step.FIVE_MINUTES;
    }

    /**
     * The stored samples of {@code resource} over {@code window} (on the 5-minute grid), one series per requested
     * metric covering the whole window, {@link #NO_SAMPLE} where the vendor is known to have had none, and NaN where
     * nothing is known.
     */
    Map<Metric, TrafficSeries> read(ResourceRef resource, Set<Metric> metrics, TimeWindow window);

    /**
     * Stores the present samples of {@code series} (each at the 5-minute step); a missing sample (NaN) never erases a
     * stored one, and a present sample that differs from the stored one replaces it and counts as revised. A
     * {@link #NO_SAMPLE} is remembered only where no sample is stored; a sample later written over it counts as stored.
     */
    ArchiveWrite write(ResourceRef resource, List<TrafficSeries> series);

    /** Forgets every sample (and {@link #NO_SAMPLE}) of {@code resource}; returns how many samples were removed. */
    long purge(ResourceRef resource);

    /** Forgets every sample (and {@link #NO_SAMPLE}) before {@code cutoff}; returns how many samples were removed. */
    long purgeBefore(Instant cutoff);

    /** What one write did: samples newly stored, and stored samples replaced by a different value. */
    record ArchiveWrite(long stored, long revised) {
        public static final ArchiveWrite NOTHING = new ArchiveWrite(0, 0);

        public ArchiveWrite plus(ArchiveWrite other) {
            return new ArchiveWrite(stored + other.stored, revised + other.revised);
        }
    }
}
