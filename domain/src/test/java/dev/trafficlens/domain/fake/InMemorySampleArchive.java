package dev.trafficlens.domain.fake;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.port.out.SampleArchive;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@link SampleArchive} contract in memory: one sample (or {@link SampleArchive#NO_SAMPLE}) per resource, metric
 * and 5-minute slot. It can be made
 * unreachable, to stand for a database that is down.
 */
public final class InMemorySampleArchive implements SampleArchive {

    private final Map<ResourceRef, Map<Metric, TreeMap<Instant, Double>>> samples = new HashMap<>();
    private volatile boolean unreachable;
    private int reads;
    private int writes;

    public synchronized InMemorySampleArchive unreachable(boolean down) {
        this.unreachable = down;
        return this;
    }

    @Override
    public synchronized Map<Metric, TrafficSeries> read(ResourceRef resource, Set<Metric> metrics, TimeWindow window) {
        refuseWhenUnreachable();
        reads++;
        Map<Metric, TrafficSeries> read = new HashMap<>();
        for (Metric metric : metrics) {
            TrafficSeries.Builder builder = TrafficSeries.builder(metric, window, SampleArchive.step());
            held(resource, metric).subMap(window.from(), window.to()).forEach((time, value) -> builder.set(
                    (int) ((time.getEpochSecond() - window.from().getEpochSecond()) / SampleArchive.step().seconds()),
                    value));
            read.put(metric, builder.build());
        }
        return read;
    }

    @Override
    public synchronized ArchiveWrite write(ResourceRef resource, List<TrafficSeries> series) {
        refuseWhenUnreachable();
        writes++;
        long stored = 0;
        long revised = 0;
        for (TrafficSeries each : series) {
            if (!each.step().equals(SampleArchive.step())) {
                throw new IllegalArgumentException("expected 5-minute series, got " + each);
            }
            TreeMap<Instant, Double> held = held(resource, each.metric());
            for (int i = 0; i < each.size(); i++) {
                if (SampleArchive.isNoSample(each.valueAt(i))) {
                    held.putIfAbsent(each.timeAt(i), SampleArchive.NO_SAMPLE);
                    continue;
                }
                if (!each.isPresent(i)) {
                    continue;
                }
                Double before = held.put(each.timeAt(i), each.valueAt(i));
                if (before == null || SampleArchive.isNoSample(before)) {
                    stored++;
                } else if (before != each.valueAt(i)) {
                    revised++;
                }
            }
        }
        return new ArchiveWrite(stored, revised);
    }

    @Override
    public synchronized long purge(ResourceRef resource) {
        refuseWhenUnreachable();
        Map<Metric, TreeMap<Instant, Double>> removed = samples.remove(resource);
        return removed == null ? 0 : removed.values().stream().mapToLong(InMemorySampleArchive::present).sum();
    }

    @Override
    public synchronized long purgeBefore(Instant cutoff) {
        refuseWhenUnreachable();
        long removed = 0;
        for (Map<Metric, TreeMap<Instant, Double>> byMetric : samples.values()) {
            for (TreeMap<Instant, Double> held : byMetric.values()) {
                Map<Instant, Double> old = held.headMap(cutoff);
                removed += present(old);
                old.clear();
            }
        }
        return removed;
    }

    /** Every stored sample of {@code resource} and {@code metric}, by time ({@link SampleArchive#NO_SAMPLE} left out). */
    public synchronized TreeMap<Instant, Double> samples(ResourceRef resource, Metric metric) {
        TreeMap<Instant, Double> present = new TreeMap<>(held(resource, metric));
        present.values().removeIf(value -> Double.isNaN(value));
        return present;
    }

    /** The slots of {@code resource} and {@code metric} remembered as {@link SampleArchive#NO_SAMPLE}. */
    public synchronized SortedSet<Instant> noSamples(ResourceRef resource, Metric metric) {
        SortedSet<Instant> gaps = new TreeSet<>();
        held(resource, metric).forEach((time, value) -> {
            if (SampleArchive.isNoSample(value)) {
                gaps.add(time);
            }
        });
        return gaps;
    }

    /** How many samples are stored, over every resource and metric ({@link SampleArchive#NO_SAMPLE} not counted). */
    public synchronized long size() {
        return samples.values().stream().flatMap(byMetric -> byMetric.values().stream())
                .mapToLong(InMemorySampleArchive::present).sum();
    }

    private static long present(Map<Instant, Double> held) {
        return held.values().stream().filter(value -> !Double.isNaN(value)).count();
    }

    public synchronized int reads() {
        return reads;
    }

    public synchronized int writes() {
        return writes;
    }

    private TreeMap<Instant, Double> held(ResourceRef resource, Metric metric) {
        return samples.computeIfAbsent(resource, any -> new HashMap<>()).computeIfAbsent(metric, any -> new TreeMap<>());
    }

    private void refuseWhenUnreachable() {
        if (unreachable) {
            throw new ArchiveUnavailableException("the archive database at archive-db:5432 refused the connection",
                    null);
        }
    }
}
