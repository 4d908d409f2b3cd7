package dev.trafficlens.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.fake.InMemorySampleArchive;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryWarning;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.WarningKind;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.Provenance;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SampleArchive;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchiveFirstQueryTest {

    static final Instant NOW = Instant.parse("2026-11-25T17:07:13Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final QuerySettings FAST = QuerySettings.DEFAULTS
            .withRateLimit(Source.ZENLAYER_PRIVATE_CONNECT, RateLimit.assumedPerSecond(10_000))
            .withRateLimit(Source.TENCENT_MNA_REGION, RateLimit.assumedPerSecond(10_000));
    private static final Instant NOV_20 = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant NOV_21 = Instant.parse("2026-11-21T00:00:00Z");
    private static final Instant NOV_22 = Instant.parse("2026-11-22T00:00:00Z");

    private final ZenlayerPrivateConnect link = new ZenlayerPrivateConnect("pc-1");
    private final InMemorySampleArchive archive = new InMemorySampleArchive();

    /** A vendor with a sample in every slot, so that an archive filled from it lacks nothing. */
    static FakeTrafficSource gaplessVendor(Source source) {
        return new FakeTrafficSource(0, source).answering(ArchiveFirstQueryTest::gapless);
    }

    static Either<SourceFailure, SourceAnswer> gapless(PlannedCall call) {
        List<TrafficSeries> series = new ArrayList<>();
        for (Metric metric : call.metrics()) {
            TrafficSeries.Builder builder = TrafficSeries.builder(metric, call.window(), call.step());
            for (int i = 0; i < builder.size(); i++) {
                builder.set(i, gaplessValue(metric, call.window().from().plusSeconds(i * call.step().seconds())));
            }
            series.add(builder.build());
        }
        return Either.right(new SourceAnswer(series, List.of()));
    }

    static double gaplessValue(Metric metric, Instant time) {
        return (time.getEpochSecond() / 300 % 1000) * 1_000 + metric.direction().ordinal() * 10 + metric.quantity().ordinal() + 1;
    }

    /** Stores what a gapless vendor holds for {@code metrics} over {@code window}. */
    static void archived(InMemorySampleArchive archive, dev.trafficlens.domain.model.ResourceRef resource,
                         TimeWindow window, Metric... metrics) {
        List<TrafficSeries> series = new ArrayList<>();
        for (Metric metric : metrics) {
            TrafficSeries.Builder builder = TrafficSeries.builder(metric, window, SampleArchive.step());
            for (int i = 0; i < builder.size(); i++) {
                builder.set(i, gaplessValue(metric, window.from().plusSeconds(i * 300L)));
            }
            series.add(builder.build());
        }
        archive.write(resource, series);
    }

    static QueryOutcome answer(TrafficQueryService service, TrafficQuery query) {
        return service.run(List.of(query)).toCompletableFuture().join().get(0);
    }

    @Test
    void a_fully_archived_window_is_answered_without_a_vendor_call_and_as_the_vendor_would() {
        archived(archive, link, TimeWindow.of(NOV_20, NOV_22), Metric.BITRATE_IN, Metric.BITRATE_OUT);
        FakeTrafficSource vendor = gaplessVendor(Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQuery query = TrafficQuery.of(link, NOV_20, NOV_22);

        TrafficResult fromArchive = answer(new TrafficQueryService(List.of(vendor), CLOCK, FAST, archive), query)
                .result().get();

        assertThat(vendor.calls()).isEmpty();
        TrafficResult fromVendor = answer(new TrafficQueryService(List.of(gaplessVendor(
                Source.ZENLAYER_PRIVATE_CONNECT)), CLOCK, FAST), query).result().get();
        assertThat(fromArchive.series()).isEqualTo(fromVendor.series());
        assertThat(fromArchive.provenance()).isEqualTo(new Provenance(576, 0, 0));
        assertThat(fromVendor.provenance()).isEqualTo(new Provenance(0, 576, 0));
    }

    @Test
    void a_partly_archived_window_asks_only_for_the_chunk_the_archive_lacks_and_stores_the_answer() {
        archived(archive, link, TimeWindow.of(NOV_20, NOV_21), Metric.BITRATE_IN, Metric.BITRATE_OUT);
        FakeTrafficSource vendor = gaplessVendor(Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQueryService service = new TrafficQueryService(List.of(vendor), CLOCK, FAST, archive);

        TrafficResult result = answer(service, TrafficQuery.of(link, NOV_20, NOV_22)).result().get();

        assertThat(vendor.calls()).extracting(PlannedCall::window).containsExactly(TimeWindow.of(NOV_21, NOV_22));
        assertThat(result.provenance()).isEqualTo(new Provenance(288, 288, 0));
        assertThat(archive.samples(link, Metric.BITRATE_OUT).subMap(NOV_21, NOV_22)).hasSize(288);

        answer(service, TrafficQuery.of(link, NOV_20, NOV_22));
        assertThat(vendor.calls()).hasSize(1);
    }

    @Test
    void one_missing_slot_costs_the_call_of_its_chunk_on_the_grid_a_query_without_archive_uses() {
        archived(archive, link, TimeWindow.of(NOV_20, NOV_22), Metric.BITRATE_IN);
        archived(archive, link, TimeWindow.of(NOV_20, NOV_21.plusSeconds(600)), Metric.BITRATE_OUT);
        archived(archive, link, TimeWindow.of(NOV_21.plusSeconds(900), NOV_22), Metric.BITRATE_OUT);
        FakeTrafficSource vendor = gaplessVendor(Source.ZENLAYER_PRIVATE_CONNECT);

        TrafficResult result = answer(new TrafficQueryService(List.of(vendor), CLOCK, FAST, archive),
                TrafficQuery.of(link, NOV_20, NOV_22)).result().get();

        assertThat(vendor.calls()).extracting(PlannedCall::window).containsExactly(TimeWindow.of(NOV_21, NOV_22));
        assertThat(vendor.calls().get(0).metrics()).containsExactlyInAnyOrder(Metric.BITRATE_IN, Metric.BITRATE_OUT);
        assertThat(result.provenance()).isEqualTo(new Provenance(288, 288, 0));
    }

    @Test
    void a_window_older_than_the_vendor_keeps_is_answered_from_the_archive_without_out_of_retention() {
        Instant october1 = Instant.parse("2026-10-01T00:00:00Z");
        TimeWindow old = TimeWindow.of(october1, october1.plus(Duration.ofDays(2)));
        FakeTrafficSource vendor = gaplessVendor(Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQueryService service = new TrafficQueryService(List.of(vendor), CLOCK, FAST, archive);

        QueryOutcome beforeArchiving = answer(service, TrafficQuery.of(link, old));
        assertThat(beforeArchiving.errors()).extracting(error -> error.kind())
                .containsExactly(ErrorKind.OUT_OF_RETENTION);

        archived(archive, link, old, Metric.BITRATE_IN, Metric.BITRATE_OUT);
        TrafficResult result = answer(service, TrafficQuery.of(link, old).withStep(Step.ONE_HOUR)).result().get();

        assertThat(vendor.calls()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.provenance()).isEqualTo(new Provenance(576, 0, 0));
        TrafficSeries in = result.series(Metric.BITRATE_IN).orElseThrow();
        assertThat(in.size()).isEqualTo(48);
        double firstHour = 0;
        for (int slot = 0; slot < 12; slot++) {
            firstHour += gaplessValue(Metric.BITRATE_IN, october1.plusSeconds(slot * 300L));
        }
        assertThat(in.valueAt(0)).isEqualTo(firstHour / 12);
    }

    @Test
    void a_window_across_the_retention_edge_warns_only_of_the_slots_the_archive_lacks_there() {
        Instant from = Instant.parse("2026-10-20T00:00:00Z");
        Instant archivedTo = Instant.parse("2026-10-24T00:00:00Z");
        archived(archive, link, TimeWindow.of(from, archivedTo), Metric.BITRATE_IN, Metric.BITRATE_OUT);
        FakeTrafficSource vendor = gaplessVendor(Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQuery query = TrafficQuery.of(link, from, Instant.parse("2026-10-28T00:00:00Z"));

        TrafficResult result = answer(new TrafficQueryService(List.of(vendor), CLOCK, FAST, archive), query)
                .result().get();

        Instant edge = Step.FIVE_MINUTES.ceil(NOW.minus(Duration.ofDays(30)).plusSeconds(60));
        assertThat(result.warnings()).extracting(QueryWarning::kind).containsExactly(WarningKind.PARTIAL_RETENTION);
        assertThat(result.warnings().get(0).slots()).isEqualTo(TimeWindow.of(archivedTo, edge));
        int lost = TimeWindow.of(archivedTo, edge).sampleCount(Step.FIVE_MINUTES);
        int archivedSlots = 4 * 288;
        assertThat(result.provenance()).isEqualTo(new Provenance(archivedSlots, 8 * 288 - archivedSlots - lost, lost));
        TrafficSeries out = result.series(Metric.BITRATE_OUT).orElseThrow();
        assertThat(out.presentCount()).isEqualTo(8 * 288 - lost);
        assertThat(vendor.calls()).allMatch(call -> !call.window().from().isBefore(edge));
    }

    @Test
    void an_hourly_query_of_derived_bit_rates_past_retention_is_read_from_archived_5_minute_volumes() {
        TencentMnaRegion region = TencentMnaRegion.allRegions(1);
        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        archived(archive, region, TimeWindow.of(from, from.plus(Duration.ofDays(1))), Metric.VOLUME_IN);
        FakeTrafficSource vendor = gaplessVendor(Source.TENCENT_MNA_REGION);

        TrafficResult result = answer(new TrafficQueryService(List.of(vendor), CLOCK, FAST, archive),
                TrafficQuery.of(region, from, from.plus(Duration.ofDays(1))).withStep(Step.ONE_HOUR)
                        .withMetrics(Metric.VOLUME_IN)).result().get();

        assertThat(vendor.calls()).isEmpty();
        double firstHour = 0;
        for (int slot = 0; slot < 12; slot++) {
            firstHour += gaplessValue(Metric.VOLUME_IN, from.plusSeconds(slot * 300L));
        }
        assertThat(result.series(Metric.VOLUME_IN).orElseThrow().valueAt(0)).isEqualTo(firstHour);
    }

    @Test
    void an_unreachable_archive_leaves_the_answer_to_the_vendors_with_a_warning() {
        archive.unreachable(true);
        FakeTrafficSource vendor = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT);
        TrafficQuery query = TrafficQuery.of(link, NOV_20, NOV_22);

        TrafficResult result = answer(new TrafficQueryService(List.of(vendor), CLOCK, FAST, archive), query)
                .result().get();

        TrafficResult vendorOnly = answer(new TrafficQueryService(List.of(new FakeTrafficSource(0,
                Source.ZENLAYER_PRIVATE_CONNECT)), CLOCK, FAST), query).result().get();
        assertThat(result.series()).isEqualTo(vendorOnly.series());
        assertThat(result.warnings()).extracting(QueryWarning::kind).containsExactly(WarningKind.ARCHIVE_UNAVAILABLE);
        assertThat(result.warnings().get(0).message()).contains("refused the connection");
        assertThat(result.provenance().archived()).isZero();
    }

    @Test
    void an_archive_failing_only_on_write_still_answers_with_a_warning() {
        FakeTrafficSource vendor = gaplessVendor(Source.ZENLAYER_PRIVATE_CONNECT);
        SampleArchive readsButCannotWrite = new SampleArchive() {
            @Override
            public java.util.Map<Metric, TrafficSeries> read(dev.trafficlens.domain.model.ResourceRef resource,
                                                             Set<Metric> metrics, TimeWindow window) {
                return archive.read(resource, metrics, window);
            }

            @Override
            public ArchiveWrite write(dev.trafficlens.domain.model.ResourceRef resource, List<TrafficSeries> series) {
                throw new IllegalStateException("password=hunter2 leaked into a driver message");
            }

            @Override
            public long purge(dev.trafficlens.domain.model.ResourceRef resource) {
                return 0;
            }

            @Override
            public long purgeBefore(Instant cutoff) {
                return 0;
            }
        };

        TrafficResult result = answer(new TrafficQueryService(List.of(vendor), CLOCK, FAST, readsButCannotWrite),
                TrafficQuery.of(link, NOV_20, NOV_21)).result().get();

        assertThat(result.series(Metric.BITRATE_IN).orElseThrow().presentCount()).isEqualTo(288);
        assertThat(result.warnings()).extracting(QueryWarning::kind).containsExactly(WarningKind.ARCHIVE_UNAVAILABLE);
        assertThat(result.warnings().get(0).message()).contains("IllegalStateException").doesNotContain("hunter2");
    }

    @Test
    void a_vendor_failing_for_the_lacking_chunk_fails_the_query() {
        archived(archive, link, TimeWindow.of(NOV_20, NOV_21), Metric.BITRATE_IN, Metric.BITRATE_OUT);
        FakeTrafficSource vendor = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT).answering(call ->
                Either.left(SourceFailure.of(ErrorKind.VENDOR_UNAVAILABLE, Source.ZENLAYER_PRIVATE_CONNECT, "down")));

        QueryOutcome outcome = answer(new TrafficQueryService(List.of(vendor), CLOCK, FAST, archive),
                TrafficQuery.of(link, NOV_20, NOV_22));

        assertThat(outcome.errors()).extracting(error -> error.kind()).containsExactly(ErrorKind.VENDOR_UNAVAILABLE);
    }

    @Test
    void without_an_archive_the_answer_is_counted_fetched_and_the_vendors_gaps_missing() {
        FakeTrafficSource vendor = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT);

        TrafficResult result = answer(new TrafficQueryService(List.of(vendor), CLOCK, FAST),
                TrafficQuery.of(link, NOV_20, NOV_21)).result().get();

        int gaps = 288 - result.series(Metric.BITRATE_IN).orElseThrow().presentCount();
        assertThat(gaps).isPositive();
        assertThat(result.provenance()).isEqualTo(new Provenance(0, 288 - gaps, gaps));
    }

    @Test
    void a_settled_vendor_gap_is_remembered_so_the_next_query_calls_nobody_and_reports_it_missing() {
        FakeTrafficSource vendor = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT); // a gap every 7th slot
        TrafficQueryService service = new TrafficQueryService(List.of(vendor), CLOCK, FAST, archive);
        TrafficQuery query = TrafficQuery.of(link, NOV_20, NOV_22);

        TrafficResult first = answer(service, query).result().get();
        int callsFirst = vendor.calls().size();
        TrafficResult second = answer(service, query).result().get();

        int gaps = 576 - first.series(Metric.BITRATE_IN).orElseThrow().presentCount();
        assertThat(gaps).isPositive();
        assertThat(callsFirst).isPositive();
        assertThat(vendor.calls()).hasSize(callsFirst);
        assertThat(archive.noSamples(link, Metric.BITRATE_IN)).hasSize(gaps);
        assertThat(second.series()).isEqualTo(first.series());
        assertThat(second.provenance()).isEqualTo(new Provenance(576 - gaps, 0, gaps));
        assertThat(second.series()).allSatisfy(series -> {
            for (int i = 0; i < series.size(); i++) {
                assertThat(SampleArchive.isNoSample(series.valueAt(i))).as("slot %d of %s", i, series).isFalse();
            }
        });
    }

    @Test
    void a_gap_younger_than_settled_is_asked_for_again_while_an_older_one_is_not() {
        Instant from = Instant.parse("2026-11-25T15:00:00Z");
        Instant to = Instant.parse("2026-11-25T17:00:00Z");
        Instant settledGap = Instant.parse("2026-11-25T15:30:00Z");
        Instant recentGap = Instant.parse("2026-11-25T16:30:00Z"); // ends after NOW minus SETTLED_AFTER
        FakeTrafficSource vendor = new FakeTrafficSource(0, Source.ZENLAYER_PRIVATE_CONNECT).answering(call ->
                withGapsAt(call, settledGap, recentGap));
        TrafficQueryService service = new TrafficQueryService(List.of(vendor), CLOCK, FAST, archive);

        answer(service, TrafficQuery.of(link, from, to));
        assertThat(archive.noSamples(link, Metric.BITRATE_OUT)).containsExactly(settledGap);
        int callsFirst = vendor.calls().size();
        TrafficResult second = answer(service, TrafficQuery.of(link, from, to)).result().get();
        TrafficResult settledPart = answer(service, TrafficQuery.of(link, from, settledGap.plusSeconds(300)))
                .result().get();

        assertThat(vendor.calls()).hasSize(2 * callsFirst);
        assertThat(second.provenance().missing()).isEqualTo(2);
        assertThat(settledPart.provenance()).isEqualTo(new Provenance(6, 0, 1));
    }

    @Test
    void a_real_sample_replaces_a_remembered_gap_and_counts_as_stored() {
        Instant slot = Instant.parse("2026-11-20T10:00:00Z");
        TimeWindow one = TimeWindow.of(slot, slot.plusSeconds(300));
        archive.write(link, List.of(TrafficSeries.of(Metric.BITRATE_IN, slot, Step.FIVE_MINUTES,
                SampleArchive.NO_SAMPLE)));
        SampleArchive.ArchiveWrite written = archive.write(link, List.of(TrafficSeries.of(Metric.BITRATE_IN, slot,
                Step.FIVE_MINUTES, 7.0)));
        SampleArchive.ArchiveWrite ignored = archive.write(link, List.of(TrafficSeries.of(Metric.BITRATE_IN, slot,
                Step.FIVE_MINUTES, SampleArchive.NO_SAMPLE)));

        assertThat(written).isEqualTo(new SampleArchive.ArchiveWrite(1, 0));
        assertThat(ignored).isEqualTo(SampleArchive.ArchiveWrite.NOTHING);
        assertThat(archive.read(link, Set.of(Metric.BITRATE_IN), one).get(Metric.BITRATE_IN).valueAt(0))
                .isEqualTo(7.0);
    }

    /** A gapless answer to {@code call} with no sample at {@code gaps}. */
    private static Either<SourceFailure, SourceAnswer> withGapsAt(PlannedCall call, Instant... gaps) {
        List<TrafficSeries> series = new ArrayList<>();
        for (TrafficSeries full : gapless(call).get().series()) {
            double[] values = full.values();
            for (Instant gap : gaps) {
                int index = full.indexOf(gap);
                if (index >= 0) {
                    values[index] = Double.NaN;
                }
            }
            series.add(TrafficSeries.of(full.metric(), full.start(), full.step(), values));
        }
        return Either.right(new SourceAnswer(series, List.of()));
    }
}
