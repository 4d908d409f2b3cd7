package dev.trafficlens.adapters.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.SampleArchive;
import dev.trafficlens.domain.port.out.SampleArchive.ArchiveWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every SampleArchive on JDBC does, run against each database by a subclass. */
abstract class SampleArchiveContract {

    static final Step STEP = Step.FIVE_MINUTES;
    static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");
    static final ResourceRef LINK = new ZenlayerPrivateConnect("pc-1");
    static final ResourceRef OTHER = new ZenlayerPrivateConnect("pc/2=%");

    abstract ArchiveDatabase database();

    SampleArchive archive;

    @BeforeEach
    void emptyArchive() {
        database().clear();
        archive = new JdbcSampleArchive(database().dataSource());
    }

    @Test
    void a_window_with_nothing_stored_reads_as_missing_samples_for_every_metric() {
        TimeWindow window = TimeWindow.of(DAY, DAY.plus(Duration.ofHours(2)));

        Map<Metric, TrafficSeries> read = archive.read(LINK, Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT), window);

        assertThat(read).containsOnlyKeys(Metric.BITRATE_IN, Metric.BITRATE_OUT);
        assertThat(read.get(Metric.BITRATE_IN)).isEqualTo(TrafficSeries.empty(Metric.BITRATE_IN, window, STEP));
    }

    @Test
    void samples_over_several_days_read_back_exactly_with_gaps_where_nothing_was_stored() {
        Random random = new Random(1);
        double[] values = new double[3 * 288];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 97 == 0 ? Double.NaN : random.nextInt(5) == 0 ? random.nextDouble() * 1e9 : Math.rint(random.nextDouble() * 1e9);
        }
        values[5] = -0.0;
        values[6] = Double.MIN_VALUE;
        TrafficSeries in = TrafficSeries.of(Metric.BITRATE_IN, DAY.plus(Duration.ofHours(12)), STEP, values);
        int present = in.presentCount();

        ArchiveWrite written = archive.write(LINK, List.of(in));

        assertThat(written).isEqualTo(new ArchiveWrite(present, 0));
        TimeWindow wider = TimeWindow.of(DAY, DAY.plus(Duration.ofDays(4)));
        TrafficSeries read = archive.read(LINK, Set.of(Metric.BITRATE_IN), wider).get(Metric.BITRATE_IN);
        assertThat(read.window()).isEqualTo(wider);
        for (int i = 0; i < read.size(); i++) {
            int index = in.indexOf(read.timeAt(i));
            double expected = index < 0 ? Double.NaN : in.valueAt(index);
            assertThat(Double.doubleToLongBits(read.valueAt(i))).as("slot %d", i)
                    .isEqualTo(Double.doubleToLongBits(expected));
        }
        assertThat(archive.read(LINK, Set.of(Metric.BITRATE_IN), in.window()).get(Metric.BITRATE_IN)).isEqualTo(in);
        assertThat(archive.read(LINK, Set.of(Metric.BITRATE_OUT), wider).get(Metric.BITRATE_OUT).presentCount()).isZero();
        assertThat(archive.read(OTHER, Set.of(Metric.BITRATE_IN), wider).get(Metric.BITRATE_IN).presentCount()).isZero();
    }

    @Test
    void a_missing_sample_never_erases_a_stored_one_and_a_different_value_counts_as_revised() {
        archive.write(LINK, List.of(TrafficSeries.of(Metric.BITRATE_IN, DAY, STEP, 1, 2, 3, Double.NaN)));

        ArchiveWrite second = archive.write(LINK,
                List.of(TrafficSeries.of(Metric.BITRATE_IN, DAY, STEP, Double.NaN, 2, 30, 4)));
        ArchiveWrite again = archive.write(LINK,
                List.of(TrafficSeries.of(Metric.BITRATE_IN, DAY, STEP, Double.NaN, 2, 30, 4)));

        assertThat(second).isEqualTo(new ArchiveWrite(1, 1));
        assertThat(again).isEqualTo(ArchiveWrite.NOTHING);
        assertThat(archive.read(LINK, Set.of(Metric.BITRATE_IN), TimeWindow.of(DAY, DAY.plusSeconds(5 * 300)))
                .get(Metric.BITRATE_IN).values()).containsExactly(1, 2, 30, 4, Double.NaN);
    }

    @Test
    void a_remembered_gap_reads_back_never_replaces_a_sample_and_gives_way_to_one() {
        double gap = SampleArchive.NO_SAMPLE;
        TimeWindow window = TimeWindow.of(DAY, DAY.plusSeconds(5 * 300));
        archive.write(LINK, List.of(TrafficSeries.of(Metric.BITRATE_IN, DAY, STEP, 1, Double.NaN, gap, Double.NaN)));

        ArchiveWrite overSample = archive.write(LINK, List.of(TrafficSeries.of(Metric.BITRATE_IN, DAY, STEP, gap)));
        TrafficSeries afterGaps = archive.read(LINK, Set.of(Metric.BITRATE_IN), window).get(Metric.BITRATE_IN);
        ArchiveWrite overGap = archive.write(LINK,
                List.of(TrafficSeries.of(Metric.BITRATE_IN, DAY, STEP, Double.NaN, gap, 3, gap)));
        TrafficSeries afterSample = archive.read(LINK, Set.of(Metric.BITRATE_IN), window).get(Metric.BITRATE_IN);

        assertThat(overSample).isEqualTo(ArchiveWrite.NOTHING);
        assertThat(afterGaps.valueAt(0)).isEqualTo(1);
        assertThat(noSampleSlots(afterGaps)).containsExactly(2);
        assertThat(afterGaps.presentCount()).isEqualTo(1);
        assertThat(overGap).isEqualTo(new ArchiveWrite(1, 0));
        assertThat(afterSample.valueAt(2)).isEqualTo(3);
        assertThat(noSampleSlots(afterSample)).containsExactly(1, 3);
        assertThat(afterSample.valueAt(4)).isNaN();
        assertThat(SampleArchive.isNoSample(afterSample.valueAt(4))).isFalse();
    }

    @Test
    void a_day_holding_only_remembered_gaps_is_kept_until_purged() {
        double[] gaps = new double[288];
        Arrays.fill(gaps, SampleArchive.NO_SAMPLE);
        TimeWindow window = TimeWindow.of(DAY, DAY.plus(Duration.ofDays(2)));
        archive.write(LINK, List.of(TrafficSeries.of(Metric.BITRATE_IN, DAY, STEP, gaps),
                TrafficSeries.of(Metric.BITRATE_IN, DAY.plus(Duration.ofDays(1)), STEP, gaps)));

        assertThat(noSampleSlots(archive.read(LINK, Set.of(Metric.BITRATE_IN), window).get(Metric.BITRATE_IN)))
                .hasSize(2 * 288);
        assertThat(archive.purgeBefore(DAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)))).isZero();
        assertThat(noSampleSlots(archive.read(LINK, Set.of(Metric.BITRATE_IN), window).get(Metric.BITRATE_IN)))
                .hasSize(288 - 12).first().isEqualTo(288 + 12);
        assertThat(archive.purge(LINK)).isZero();
        assertThat(noSampleSlots(archive.read(LINK, Set.of(Metric.BITRATE_IN), window).get(Metric.BITRATE_IN)))
                .isEmpty();
    }

    private static List<Integer> noSampleSlots(TrafficSeries series) {
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (SampleArchive.isNoSample(series.valueAt(i))) {
                slots.add(i);
            }
        }
        return slots;
    }

    @Test
    void purging_a_resource_removes_its_samples_only() {
        archive.write(LINK, List.of(day(Metric.BITRATE_IN, DAY, 10), day(Metric.BITRATE_OUT, DAY, 20)));
        archive.write(OTHER, List.of(day(Metric.BITRATE_IN, DAY, 30)));

        assertThat(archive.purge(LINK)).isEqualTo(2 * 288);
        assertThat(archive.purge(LINK)).isZero();

        TimeWindow window = TimeWindow.of(DAY, DAY.plus(Duration.ofDays(1)));
        assertThat(archive.read(LINK, Set.of(Metric.BITRATE_IN), window).get(Metric.BITRATE_IN).presentCount()).isZero();
        assertThat(archive.read(OTHER, Set.of(Metric.BITRATE_IN), window).get(Metric.BITRATE_IN).presentCount())
                .isEqualTo(288);
    }

    @Test
    void purging_before_a_cutoff_drops_earlier_days_and_the_early_part_of_the_cutoffs_day() {
        for (int d = 0; d < 3; d++) {
            archive.write(LINK, List.of(day(Metric.BITRATE_IN, DAY.plus(Duration.ofDays(d)), d + 1)));
        }
        Instant cutoff = DAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(6)).plusSeconds(1);

        long removed = archive.purgeBefore(cutoff);

        int clearedOfDayTwo = 6 * 12 + 1;
        assertThat(removed).isEqualTo(288 + clearedOfDayTwo);
        TrafficSeries left = archive.read(LINK, Set.of(Metric.BITRATE_IN),
                TimeWindow.of(DAY, DAY.plus(Duration.ofDays(3)))).get(Metric.BITRATE_IN);
        assertThat(left.presentCount()).isEqualTo(3 * 288 - 288 - clearedOfDayTwo);
        assertThat(left.valueAt(288 + clearedOfDayTwo - 1)).isNaN();
        assertThat(left.valueAt(288 + clearedOfDayTwo)).isEqualTo(2);
        assertThat(archive.purgeBefore(cutoff)).isZero();
    }

    @Test
    void two_replicas_writing_the_same_blocks_at_once_lose_nothing() throws Exception {
        int rounds = 40;
        int writers = 2;
        try (HikariDataSource second = database().newDataSource()) {
            List<SampleArchive> replicas = List.of(archive, new JdbcSampleArchive(second));
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<Long>> stored = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    SampleArchive replica = replicas.get(writer);
                    int parity = writer;
                    stored.add(pool.submit((Callable<Long>) () -> {
                        long total = 0;
                        for (int round = 0; round < rounds; round++) {
                            // Each writer fills its own slots of the same two days' blocks, round after round.
                            double[] values = new double[2 * 288];
                            Arrays.fill(values, Double.NaN);
                            for (int i = 0; i < values.length; i++) {
                                if (i % (2 * rounds) == 2 * round + parity) {
                                    values[i] = i;
                                }
                            }
                            total += replica.write(LINK, List.of(
                                    TrafficSeries.of(Metric.BITRATE_IN, DAY, STEP, values),
                                    TrafficSeries.of(Metric.BITRATE_OUT, DAY, STEP, values))).stored();
                        }
                        return total;
                    }));
                }
                long total = 0;
                for (Future<Long> future : stored) {
                    total += future.get();
                }
                assertThat(total).isEqualTo(2 * 2 * 288);
            } finally {
                pool.shutdownNow();
            }
        }
        Map<Metric, TrafficSeries> read = archive.read(LINK, Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT),
                TimeWindow.of(DAY, DAY.plus(Duration.ofDays(2))));
        for (TrafficSeries series : read.values()) {
            assertThat(series.presentCount()).isEqualTo(2 * 288);
            for (int i = 0; i < series.size(); i++) {
                assertThat(series.valueAt(i)).isEqualTo(i);
            }
        }
    }

    static TrafficSeries day(Metric metric, Instant start, double value) {
        double[] values = new double[288];
        Arrays.fill(values, value);
        return TrafficSeries.of(metric, start, STEP, values);
    }
}
