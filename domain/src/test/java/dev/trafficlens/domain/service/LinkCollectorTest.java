package dev.trafficlens.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.fake.InMemoryCollectorLease;
import dev.trafficlens.domain.fake.InMemoryLinkStore;
import dev.trafficlens.domain.fake.InMemorySampleArchive;
import dev.trafficlens.domain.fake.MovableClock;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.CollectionFailure;
import dev.trafficlens.domain.port.in.CollectionRun;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LinkCollectorTest {

    private static final Instant NOW = ArchiveFirstQueryTest.NOW;
    private static final Step STEP = Step.FIVE_MINUTES;
    /** Where a first run starts reading: Zenlayer keeps 30 days; the collector starts just inside that edge. */
    private static final Instant BACKFILL_FROM = STEP.ceil(NOW.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(5)));

    private final MovableClock clock = new MovableClock(NOW);
    private final InMemorySampleArchive archive = new InMemorySampleArchive();
    private final InMemoryLinkStore links = new InMemoryLinkStore();
    private final InMemoryCollectorLease lease = new InMemoryCollectorLease();
    private final ZenlayerPrivateConnect first = new ZenlayerPrivateConnect("pc-1");
    private final ZenlayerPrivateConnect second = new ZenlayerPrivateConnect("pc-2");
    private final FakeTrafficSource vendor = ArchiveFirstQueryTest.gaplessVendor(Source.ZENLAYER_PRIVATE_CONNECT);

    private LinkCollector collector(QuerySettings settings) {
        TrafficQueryService service = new TrafficQueryService(List.of(vendor), clock, settings, archive);
        return new LinkCollector(links, service, lease, clock, CollectorSettings.DEFAULTS);
    }

    private LinkCollector collector() {
        return collector(ArchiveFirstQueryTest.FAST);
    }

    private Link add(ZenlayerPrivateConnect resource) {
        return links.add(resource.privateConnectId(), resource, Set.of(), NOW).get();
    }

    private Link reread(Link link) {
        return links.byId(link.id()).orElseThrow();
    }

    private static int slots(Instant from, Instant to) {
        return TimeWindow.of(from, to).sampleCount(STEP);
    }

    @Test
    void a_first_run_backfills_what_the_vendor_keeps_and_moves_the_watermark_to_now() {
        Link link = add(first);

        CollectionRun run = collector().collect(Optional.empty());

        Instant through = STEP.floor(NOW);
        assertThat(run.skipped()).isFalse();
        assertThat(run.finishedAt()).isPresent();
        assertThat(run.links()).isEqualTo(1);
        assertThat(run.failures()).isEmpty();
        assertThat(reread(link).collectedThrough()).contains(through);
        assertThat(archive.samples(first, Metric.BITRATE_IN).firstKey()).isEqualTo(BACKFILL_FROM);
        assertThat(archive.samples(first, Metric.BITRATE_IN).lastKey()).isEqualTo(through.minus(STEP.duration()));
        assertThat(run.samplesStored()).isEqualTo(2L * slots(BACKFILL_FROM, through)).isEqualTo(archive.size());
        assertThat(run.vendorCalls()).isEqualTo(vendor.calls().size()).isEqualTo(30);
        assertThat(lease.isHeld()).isFalse();
        assertThat(lease.lastAsked()).isEqualTo(CollectorSettings.DEFAULTS.lease());
        assertThat(lease.extensions()).as("a run shorter than a third of its lease").isEmpty();
    }

    /** Pieces of one vendor call each, so that a backfill is 30 pieces with a heartbeat before each. */
    private static final QuerySettings ONE_CALL_A_PIECE = ArchiveFirstQueryTest.FAST.withMaxCallsPerRun(1);

    /** The vendor answering gaplessly, each call taking a minute of the collector's clock. */
    private void callsTakeAMinute(Runnable afterEachCall) {
        vendor.answering(call -> {
            clock.advance(Duration.ofMinutes(1));
            afterEachCall.run();
            return ArchiveFirstQueryTest.gapless(call);
        });
    }

    @Test
    void a_run_longer_than_a_third_of_its_lease_extends_it_before_each_piece_once_a_third_has_passed() {
        Link link = add(first);
        Duration lease3m = Duration.ofMinutes(3);
        callsTakeAMinute(() -> { });
        TrafficQueryService service = new TrafficQueryService(List.of(vendor), clock, ONE_CALL_A_PIECE, archive);

        CollectionRun run = new LinkCollector(links, service, lease, clock, CollectorSettings.DEFAULTS.withLease(lease3m))
                .collect(Optional.empty());

        assertThat(run.failures()).isEmpty();
        assertThat(run.vendorCalls()).isEqualTo(30);
        assertThat(lease.extensions()).as("one before each piece but the first").hasSize(29).containsOnly(lease3m);
        assertThat(reread(link).collectedThrough()).contains(STEP.floor(NOW));
        assertThat(lease.isHeld()).isFalse();
    }

    @Test
    void a_run_whose_lease_was_lost_stops_reading_and_keeps_the_watermark_of_what_it_stored() {
        Link link = add(first);
        int[] calls = {0};
        callsTakeAMinute(() -> {
            if (++calls[0] == 3) {
                lease.lose();
            }
        });
        TrafficQueryService service = new TrafficQueryService(List.of(vendor), clock, ONE_CALL_A_PIECE, archive);

        CollectionRun run = new LinkCollector(links, service, lease, clock,
                CollectorSettings.DEFAULTS.withLease(Duration.ofMinutes(3))).collect(Optional.empty());

        assertThat(run.vendorCalls()).isEqualTo(3);
        assertThat(run.failures()).extracting(CollectionFailure::code).containsExactly("LEASE_LOST");
        Instant through = reread(link).collectedThrough().orElseThrow();
        assertThat(archive.samples(first, Metric.BITRATE_IN).lastKey()).isEqualTo(through.minus(STEP.duration()));
        assertThat(through).isBefore(STEP.floor(NOW));
        assertThat(lease.isHeld()).isFalse();
    }

    @Test
    void the_next_run_resumes_from_the_watermark_less_the_settle_window() {
        Link link = add(first);
        LinkCollector collector = collector();
        collector.collect(Optional.empty());
        Instant watermark = reread(link).collectedThrough().orElseThrow();
        int callsBefore = vendor.calls().size();

        clock.advance(Duration.ofHours(1));
        CollectionRun run = collector.collect(Optional.of(Set.of(link.id())));

        List<PlannedCall> calls = vendor.calls().subList(callsBefore, vendor.calls().size());
        Instant through = STEP.floor(NOW.plus(Duration.ofHours(1)));
        assertThat(calls).extracting(PlannedCall::window)
                .containsExactly(TimeWindow.of(watermark.minus(Duration.ofMinutes(15)), through));
        assertThat(run.samplesStored()).isEqualTo(2L * slots(watermark, through));
        assertThat(run.samplesRevised()).isZero();
        assertThat(reread(link).collectedThrough()).contains(through);
    }

    @Test
    void a_watermark_older_than_the_vendor_keeps_resumes_at_the_oldest_sample_still_kept() {
        Link link = add(first);
        links.markCollected(link.id(), NOW.minus(Duration.ofDays(40)));

        CollectionRun run = collector().collect(Optional.empty());

        assertThat(run.failures()).isEmpty();
        assertThat(archive.samples(first, Metric.BITRATE_IN).firstKey()).isEqualTo(BACKFILL_FROM);
        assertThat(reread(link).collectedThrough()).contains(STEP.floor(NOW));
    }

    @Test
    void a_revised_sample_inside_the_settle_window_replaces_the_stored_one_and_is_counted() {
        Link link = add(first);
        LinkCollector collector = collector();
        collector.collect(Optional.empty());
        Instant revisedAt = reread(link).collectedThrough().orElseThrow().minus(Duration.ofMinutes(10));
        vendor.answering(call -> {
            Either<SourceFailure, SourceAnswer> answer = ArchiveFirstQueryTest.gapless(call);
            TrafficSeries in = answer.get().series(Metric.BITRATE_IN).orElseThrow();
            double[] values = in.values();
            values[in.indexOf(revisedAt)] = 42;
            return Either.right(SourceAnswer.of(TrafficSeries.of(Metric.BITRATE_IN, in.start(), in.step(), values),
                    answer.get().series(Metric.BITRATE_OUT).orElseThrow()));
        });

        clock.advance(Duration.ofMinutes(5));
        CollectionRun run = collector.collect(Optional.empty());

        assertThat(run.samplesRevised()).isEqualTo(1);
        assertThat(run.samplesStored()).isEqualTo(2);
        assertThat(archive.samples(first, Metric.BITRATE_IN).get(revisedAt)).isEqualTo(42);
    }

    @Test
    void a_link_whose_vendor_fails_keeps_its_watermark_records_why_and_is_retried_while_others_carry_on() {
        Link healthy = add(first);
        Link failing = add(second);
        AtomicBoolean down = new AtomicBoolean(true);
        vendor.answering(call -> down.get() && call.resource().equals(second)
                ? Either.left(SourceFailure.of(ErrorKind.VENDOR_UNAVAILABLE, Source.ZENLAYER_PRIVATE_CONNECT,
                        "zenlayer.private-connect answered 503"))
                : ArchiveFirstQueryTest.gapless(call));
        LinkCollector collector = collector();

        CollectionRun run = collector.collect(Optional.empty());

        assertThat(run.links()).isEqualTo(2);
        assertThat(run.failures()).extracting(CollectionFailure::linkId, CollectionFailure::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(failing.id(), "VENDOR_UNAVAILABLE"));
        assertThat(reread(failing).collectedThrough()).isEmpty();
        assertThat(reread(failing).lastError()).hasValueSatisfying(error ->
                assertThat(error).startsWith("VENDOR_UNAVAILABLE: ").contains("503"));
        assertThat(reread(healthy).collectedThrough()).contains(STEP.floor(NOW));
        assertThat(archive.samples(second, Metric.BITRATE_IN)).isEmpty();

        down.set(false);
        clock.advance(Duration.ofMinutes(5));
        CollectionRun retried = collector.collect(Optional.empty());

        assertThat(retried.failures()).isEmpty();
        assertThat(reread(failing).lastError()).isEmpty();
        assertThat(reread(failing).collectedThrough()).contains(STEP.floor(clock.instant()));
        assertThat(archive.samples(second, Metric.BITRATE_IN).firstKey())
                .isEqualTo(STEP.ceil(clock.instant().minus(Duration.ofDays(30)).plus(Duration.ofMinutes(5))));
    }

    @Test
    void a_run_finding_the_lease_held_elsewhere_returns_at_once_skipped() {
        add(first);
        lease.takenElsewhere();

        CollectionRun run = collector().collect(Optional.empty());

        assertThat(run.skipped()).isTrue();
        assertThat(run.finishedAt()).isEmpty();
        assertThat(vendor.calls()).isEmpty();
        assertThat(archive.size()).isZero();
    }

    @Test
    void an_unknown_link_id_is_a_not_found_failure_and_the_known_ones_are_collected() {
        Link link = add(first);

        CollectionRun run = collector().collect(Optional.of(Set.of(link.id(), "link-404")));

        assertThat(run.links()).isEqualTo(1);
        assertThat(run.failures()).containsExactly(
                new CollectionFailure("link-404", "NOT_FOUND", "no link has id \"link-404\""));
        assertThat(reread(link).collectedThrough()).isPresent();
    }

    @Test
    void a_backfill_beyond_the_points_allowed_per_series_is_read_in_pieces_each_moving_the_watermark() {
        Link link = add(first);
        QuerySettings small = ArchiveFirstQueryTest.FAST.withMaxPointsPerSeries(2_000).withMaxCallsPerRun(5);

        CollectionRun run = collector(small).collect(Optional.empty());

        assertThat(run.failures()).isEmpty();
        assertThat(archive.size()).isEqualTo(2L * slots(BACKFILL_FROM, STEP.floor(NOW)));
        // 5 calls of a day each per run (fewer than 2,000 points): 30 days in 6 pieces, the watermark after each.
        assertThat(links.collectedCalls()).hasSize(6).last().isEqualTo(link.id() + "@" + STEP.floor(NOW));
        assertThat(reread(link).collectedThrough()).contains(STEP.floor(NOW));
    }

    @Test
    void a_crash_after_storing_but_before_moving_the_watermark_is_resumed_without_counting_samples_twice() {
        Link survivor = add(first);
        Link crashed = add(second);
        AtomicBoolean crash = new AtomicBoolean(true);
        links.beforeMarkingCollected(id -> {
            if (crash.get() && id.equals(crashed.id())) {
                throw new IllegalStateException("process killed");
            }
        });
        LinkCollector collector = collector();

        CollectionRun run = collector.collect(Optional.empty());

        assertThat(run.failures()).extracting(CollectionFailure::linkId, CollectionFailure::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(crashed.id(), "INTERNAL"));
        assertThat(reread(crashed).collectedThrough()).isEmpty();
        assertThat(reread(survivor).collectedThrough()).contains(STEP.floor(NOW));
        long storedBeforeCrash = run.samplesStored();

        crash.set(false);
        CollectionRun resumed = collector.collect(Optional.empty());

        assertThat(resumed.failures()).isEmpty();
        assertThat(reread(crashed).collectedThrough()).contains(STEP.floor(NOW));
        assertThat(resumed.samplesStored()).isZero();
        assertThat(resumed.samplesRevised()).isZero();
        assertThat(storedBeforeCrash + resumed.samplesStored()).isEqualTo(archive.size())
                .isEqualTo(2 * 2L * slots(BACKFILL_FROM, STEP.floor(NOW)));
    }

    @Test
    void an_unreachable_archive_fails_the_run_for_each_link_without_moving_a_watermark() {
        Link link = add(first);
        archive.unreachable(true);

        CollectionRun run = collector().collect(Optional.empty());

        assertThat(run.failures()).extracting(CollectionFailure::code).containsExactly("ARCHIVE_UNAVAILABLE");
        assertThat(reread(link).collectedThrough()).isEmpty();
        assertThat(reread(link).lastError()).hasValueSatisfying(error ->
                assertThat(error).startsWith("ARCHIVE_UNAVAILABLE: "));
    }

    @Test
    void the_purge_forgets_samples_older_than_keep() {
        add(first);
        collector().collect(Optional.empty());
        long before = archive.size();

        long removed = new SamplePurge(archive, clock, Duration.ofDays(29)).purge();

        Instant cutoff = NOW.minus(Duration.ofDays(29));
        assertThat(removed).isEqualTo(2L * slots(BACKFILL_FROM, STEP.ceil(cutoff)));
        assertThat(archive.size()).isEqualTo(before - removed);
        assertThat(archive.samples(first, Metric.BITRATE_OUT).firstKey()).isAfterOrEqualTo(cutoff);
    }
}
