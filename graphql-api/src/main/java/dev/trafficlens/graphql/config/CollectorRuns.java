package dev.trafficlens.graphql.config;

import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.port.in.CollectionRun;
import dev.trafficlens.domain.port.out.LinkStore;
import dev.trafficlens.domain.service.LinkCollector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link LinkCollector}, on the schedule and for {@code Mutation.collect}, and counts what each run did:
 * {@value #RUNS} by outcome, {@value #LINK_FAILURES}, and each link's lag behind now ({@value #LAG}).
 */
public final class CollectorRuns {

    public static final String RUNS = "trafficlens.collector.runs";
    public static final String LINK_FAILURES = "trafficlens.collector.link.failures";
    public static final String LAG = "trafficlens.collector.lag.seconds";

    private static final Logger log = LoggerFactory.getLogger(CollectorRuns.class);

    private final LinkCollector collector;
    private final LinkStore links;
    private final MeterRegistry registry;
    private final Clock clock;
    private final MultiGauge lag;

    CollectorRuns(LinkCollector collector, LinkStore links, MeterRegistry registry, Clock clock) {
        this.collector = collector;
        this.links = links;
        this.registry = registry;
        this.clock = clock;
        this.lag = MultiGauge.builder(LAG).description("seconds between a link's archived samples and now")
                .baseUnit("seconds").register(registry);
    }

    /**
     * Collects {@code linkIds} (every link when empty) and returns what was done.
     *
     * @throws dev.trafficlens.domain.port.out.ArchiveUnavailableException when the links cannot be read
     */
    public CollectionRun collect(Optional<Set<String>> linkIds) {
        CollectionRun run;
        try {
            run = collector.collect(linkIds);
        } catch (RuntimeException failed) {
            Counter.builder(RUNS).tag("outcome", "failed").register(registry).increment();
            throw failed;
        }
        Counter.builder(RUNS).tag("outcome", run.skipped() ? "skipped" : "completed").register(registry).increment();
        if (!run.failures().isEmpty()) {
            Counter.builder(LINK_FAILURES).register(registry).increment(run.failures().size());
        }
        if (!run.skipped()) {
            updateLag();
        }
        return run;
    }

    /** A scheduled run: whatever happens is logged, never thrown (the scheduler would stop calling). */
    void collectOnSchedule() {
        try {
            CollectionRun run = collect(Optional.empty());
            if (run.skipped()) {
                log.debug("Collection skipped: another replica holds the collector's lease");
            } else if (!run.failures().isEmpty()) {
                log.warn("Collection: {} of {} links failed, e.g. {} ({}); their gaps are read again next time",
                        run.failures().size(), run.links(), run.failures().get(0).linkId(),
                        run.failures().get(0).code());
            }
        } catch (RuntimeException failed) {
            // Messages of ArchiveUnavailableException never quote the driver (which may quote a URL); others are not
            // logged at all, only their kind.
            log.warn("Collection failed ({}); it is tried again at the next interval",
                    failed instanceof dev.trafficlens.domain.port.out.ArchiveUnavailableException
                            ? failed.getMessage() : failed.getClass().getSimpleName());
        }
    }

    private void updateLag() {
        try {
            List<Link> all = links.all();
            lag.register(all.stream()
                    .filter(link -> link.collectedThrough().isPresent())
                    .map(link -> MultiGauge.Row.of(Tags.of("link", link.id()),
                            Duration.between(link.collectedThrough().get(), clock.instant()).toMillis() / 1000.0))
                    .toList(), true);
        } catch (RuntimeException unreachable) {
            // The run is reported anyway; the gauges keep their last values until the next run reads the links.
        }
    }
}
