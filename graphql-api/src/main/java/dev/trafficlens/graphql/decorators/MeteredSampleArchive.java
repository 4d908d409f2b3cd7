package dev.trafficlens.graphql.decorators;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.SampleArchive;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts what every write to the archive did, whether a query or the collector wrote it: samples new to the archive
 * ({@value #STORED}) and stored samples a vendor has since changed ({@value #REVISED}, late revisions).
 */
public final class MeteredSampleArchive implements SampleArchive {

    public static final String STORED = "trafficlens.archive.samples.stored";
    public static final String REVISED = "trafficlens.archive.samples.revised";

    private final SampleArchive archive;
    private final Counter stored;
    private final Counter revised;

    public MeteredSampleArchive(SampleArchive archive, MeterRegistry registry) {
        this.archive = archive;
        this.stored = Counter.builder(STORED).description("samples new to the archive").register(registry);
        this.revised = Counter.builder(REVISED).description("archived samples replaced by a vendor's revision")
                .register(registry);
    }

    @Override
    public Map<Metric, TrafficSeries> read(ResourceRef resource, Set<Metric> metrics, TimeWindow window) {
        return archive.read(resource, metrics, window);
    }

    @Override
    public ArchiveWrite write(ResourceRef resource, List<TrafficSeries> series) {
        ArchiveWrite written = archive.write(resource, series);
        stored.increment(written.stored());
        revised.increment(written.revised());
        return written;
    }

    @Override
    public long purge(ResourceRef resource) {
        return archive.purge(resource);
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        return archive.purgeBefore(cutoff);
    }
}
