package dev.trafficlens.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.fake.InMemorySampleArchive;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.port.out.SampleArchive;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the archive holds of what the vendor answered (its samples and its settled gaps), archive first answers
 * exactly as the vendor alone: seeded
 * random windows, steps and archive coverage (none, sparse, dense, whole), on a source read at 5 minutes and on one
 * whose bit rate is derived.
 */
class ArchiveStitchingPropertyTest {

    private static final long SEED = 20261206L;
    private static final int CASES = 150;
    private static final List<Step> STEPS = List.of(Step.FIVE_MINUTES, Step.FIFTEEN_MINUTES, Step.ONE_HOUR);
    private static final double[] COVERAGE = {0, 0.3, 0.9, 1};

    @Test
    void archive_and_vendor_stitched_equal_the_vendor_alone_for_any_archive_coverage() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            boolean derived = random.nextBoolean();
            ResourceRef resource = derived ? TencentMnaRegion.allRegions(1) : new ZenlayerPrivateConnect("pc-" + i);
            Source source = resource.source();
            Instant from = Step.FIVE_MINUTES.floor(ArchiveFirstQueryTest.NOW.minus(Duration.ofDays(29))
                    .plusSeconds(random.nextInt(27 * 86_400)));
            Instant to = from.plusSeconds(300L * (1 + random.nextInt(4 * 288)));
            Step step = STEPS.get(random.nextInt(STEPS.size()));
            TrafficQuery query = TrafficQuery.of(resource, from, to).withStep(step);
            double coverage = COVERAGE[random.nextInt(COVERAGE.length)];
            InMemorySampleArchive archive = new InMemorySampleArchive();
            // The archive holds only what vendors answered: nothing after the present.
            Instant archivedTo = Step.FIVE_MINUTES.ceil(ArchiveFirstQueryTest.NOW);
            Instant aroundTo = step.ceil(to).plus(Duration.ofHours(2));
            TimeWindow around = TimeWindow.of(step.floor(from).minus(Duration.ofHours(2)),
                    aroundTo.isBefore(archivedTo) ? aroundTo : archivedTo);
            archiveSome(archive, resource, source.limits().metrics(), around, coverage, random);

            TrafficResult withArchive = ArchiveFirstQueryTest.answer(new TrafficQueryService(
                    List.of(new FakeTrafficSource(0, source)), ArchiveFirstQueryTest.CLOCK, ArchiveFirstQueryTest.FAST,
                    archive), query).result().get();
            TrafficResult vendorAlone = ArchiveFirstQueryTest.answer(new TrafficQueryService(
                    List.of(new FakeTrafficSource(0, source)), ArchiveFirstQueryTest.CLOCK,
                    ArchiveFirstQueryTest.FAST), query).result().get();

            String described = "case " + i + ": " + query + " with " + coverage + " archived";
            assertThat(withArchive.series()).as(described).isEqualTo(vendorAlone.series());
            assertThat(withArchive.warnings()).as(described).isEqualTo(vendorAlone.warnings());
            assertThat(withArchive.provenance().missing()).as(described).isEqualTo(vendorAlone.provenance().missing());
            assertThat(withArchive.provenance().slots()).as(described).isEqualTo(vendorAlone.provenance().slots());
        }
    }

    /** Stores each vendor sample of {@code window} with probability {@code coverage}, as a collector would have. */
    private static void archiveSome(InMemorySampleArchive archive, ResourceRef resource, Iterable<Metric> metrics,
                                    TimeWindow window, double coverage, Random random) {
        List<TrafficSeries> series = new ArrayList<>();
        for (Metric metric : metrics) {
            TrafficSeries.Builder builder = TrafficSeries.builder(metric, window, SampleArchive.step());
            for (int i = 0; i < builder.size(); i++) {
                Instant slot = window.from().plusSeconds(i * 300L);
                double value = FakeTrafficSource.valueAt(metric, slot, 300);
                boolean settled = !slot.plusSeconds(300).isAfter(
                        ArchiveFirstQueryTest.NOW.minus(SampleArchive.SETTLED_AFTER));
                if (random.nextDouble() < coverage && (!Double.isNaN(value) || settled)) {
                    // A settled vendor gap is remembered as such, as a query or the collector would have stored it.
                    builder.set(i, Double.isNaN(value) ? SampleArchive.NO_SAMPLE : value);
                }
            }
            series.add(builder.build());
        }
        archive.write(resource, series);
    }
}
