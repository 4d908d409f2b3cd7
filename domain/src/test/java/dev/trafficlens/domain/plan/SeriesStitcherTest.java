package dev.trafficlens.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesStitcherTest {

    private static final double NA = Double.NaN;
    private static final Instant MIDNIGHT = Instant.parse("2026-01-01T00:00:00Z");
    private static final Step STEP = Step.FIVE_MINUTES;

    @Test
    void a_boundary_sample_returned_by_two_calls_counts_once_and_belongs_to_the_later_call() {
        TimeWindow whole = new TimeWindow(MIDNIGHT, MIDNIGHT.plusSeconds(1200));
        TimeWindow first = new TimeWindow(MIDNIGHT, MIDNIGHT.plusSeconds(600));
        TimeWindow second = new TimeWindow(MIDNIGHT.plusSeconds(600), MIDNIGHT.plusSeconds(1200));
        // The first call's vendor answered up to and including its end time, as Zenlayer's "23:59:59" days can.
        TrafficSeries firstAnswer = TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT, STEP, 1, 2, 99);
        TrafficSeries secondAnswer = TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT.plusSeconds(600), STEP, 3, 4);

        TrafficSeries stitched = SeriesStitcher.stitch(Metric.BITRATE_IN, whole, STEP,
                List.of(new Chunk(first, firstAnswer), new Chunk(second, secondAnswer)));

        assertThat(stitched.values()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void slots_no_call_filled_are_missing() {
        TimeWindow whole = new TimeWindow(MIDNIGHT, MIDNIGHT.plusSeconds(1500));
        TimeWindow answered = new TimeWindow(MIDNIGHT.plusSeconds(300), MIDNIGHT.plusSeconds(900));

        TrafficSeries stitched = SeriesStitcher.stitch(Metric.BITRATE_IN, whole, STEP, List.of(
                new Chunk(answered, TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT.plusSeconds(300), STEP, 5, NA))));

        assertThat(stitched.values()).containsExactly(NA, 5, NA, NA, NA);
        assertThat(stitched.presentCount()).isEqualTo(1);
    }

    @Test
    void a_neighbour_fills_a_slot_only_where_its_owner_had_no_sample() {
        TimeWindow whole = new TimeWindow(MIDNIGHT, MIDNIGHT.plusSeconds(600));
        TimeWindow first = new TimeWindow(MIDNIGHT, MIDNIGHT.plusSeconds(300));
        TimeWindow second = new TimeWindow(MIDNIGHT.plusSeconds(300), MIDNIGHT.plusSeconds(600));

        TrafficSeries stitched = SeriesStitcher.stitch(Metric.BITRATE_IN, whole, STEP, List.of(
                new Chunk(first, TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT, STEP, 1, 7)),
                new Chunk(second, TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT.plusSeconds(300), STEP, NA))));

        assertThat(stitched.values()).containsExactly(1, 7);
    }

    @Test
    void stitching_is_order_independent_and_idempotent() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            int calls = 1 + random.nextInt(6);
            int slotsPerCall = 1 + random.nextInt(12);
            TimeWindow whole = new TimeWindow(MIDNIGHT, MIDNIGHT.plusSeconds(300L * calls * slotsPerCall));
            List<Chunk> chunks = new ArrayList<>();
            for (int call = 0; call < calls; call++) {
                Instant from = MIDNIGHT.plusSeconds(300L * call * slotsPerCall);
                TimeWindow window = new TimeWindow(from, from.plusSeconds(300L * slotsPerCall));
                // Answers overlap their neighbours by a slot or two on either side, with differing values.
                int before = call == 0 ? 0 : random.nextInt(2);
                double[] values = new double[before + slotsPerCall + random.nextInt(3)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextInt(5) == 0 ? NA : random.nextInt(100);
                }
                chunks.add(new Chunk(window,
                        TrafficSeries.of(Metric.BITRATE_OUT, from.minusSeconds(300L * before), STEP, values)));
            }
            TrafficSeries once = SeriesStitcher.stitch(Metric.BITRATE_OUT, whole, STEP, chunks);

            List<Chunk> shuffled = new ArrayList<>(chunks);
            Collections.shuffle(shuffled, random);
            List<Chunk> twice = new ArrayList<>(chunks);
            twice.addAll(shuffled);

            assertThat(SeriesStitcher.stitch(Metric.BITRATE_OUT, whole, STEP, shuffled)).isEqualTo(once);
            assertThat(SeriesStitcher.stitch(Metric.BITRATE_OUT, whole, STEP, twice)).isEqualTo(once);
            for (Chunk chunk : chunks) {
                for (int i = 0; i < chunk.series().size(); i++) {
                    Instant time = chunk.series().timeAt(i);
                    if (chunk.window().contains(time) && chunk.series().isPresent(i)) {
                        assertThat(once.valueAt(once.indexOf(time))).as("the owning call's sample wins")
                                .isEqualTo(chunk.series().valueAt(i));
                    }
                }
            }
        }
    }

    @Test
    void stitches_exactly_as_the_slot_by_slot_rule_on_random_answers_reaching_anywhere() {
        Random random = new Random(2611);
        for (int round = 0; round < 2_000; round++) {
            int size = 1 + random.nextInt(40);
            Instant start = MIDNIGHT.plusSeconds(300L * random.nextInt(10));
            TimeWindow whole = new TimeWindow(start, start.plusSeconds(300L * size));
            List<Chunk> chunks = new ArrayList<>();
            for (int chunk = random.nextInt(6); chunk > 0; chunk--) {
                // Call windows anywhere around the window, on or off the grid; answers anywhere around their call.
                long callFrom = 300L * (random.nextInt(size + 20) - 10) + (random.nextBoolean() ? 0 : random.nextInt(300));
                long callTo = callFrom + 1 + random.nextInt(300 * 15);
                TimeWindow call = new TimeWindow(start.plusSeconds(callFrom), start.plusSeconds(callTo));
                double[] values = new double[1 + random.nextInt(20)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextInt(4) == 0 ? NA : random.nextInt(50);
                }
                Instant answerStart = start.plusSeconds(300L * (random.nextInt(size + 30) - 15));
                chunks.add(new Chunk(call, TrafficSeries.of(Metric.BITRATE_IN, answerStart, STEP, values)));
            }
            assertThat(SeriesStitcher.stitch(Metric.BITRATE_IN, whole, STEP, chunks)).as("round %s", round)
                    .isEqualTo(slotBySlot(whole, chunks));
        }
    }

    /** The stitching rule as first written, one slot at a time: the reference the stitcher must keep matching. */
    private static TrafficSeries slotBySlot(TimeWindow window, List<Chunk> chunks) {
        int size = window.sampleCount(STEP);
        double[] owned = new double[size];
        double[] borrowed = new double[size];
        java.util.Arrays.fill(owned, NA);
        java.util.Arrays.fill(borrowed, NA);
        long start = window.from().getEpochSecond();
        for (Chunk chunk : chunks) {
            for (int i = 0; i < chunk.series().size(); i++) {
                long time = chunk.series().timeAt(i).getEpochSecond();
                double value = chunk.series().valueAt(i);
                if (time < start || time >= window.to().getEpochSecond() || Double.isNaN(value)) {
                    continue;
                }
                int slot = (int) ((time - start) / 300);
                // A call owns the slots whose start lies in its window.
                double[] target = chunk.window().contains(Instant.ofEpochSecond(time)) ? owned : borrowed;
                target[slot] = Double.isNaN(target[slot]) ? value : Math.max(target[slot], value);
            }
        }
        double[] merged = new double[size];
        for (int i = 0; i < size; i++) {
            merged[i] = Double.isNaN(owned[i]) ? borrowed[i] : owned[i];
        }
        return TrafficSeries.of(Metric.BITRATE_IN, window.from(), STEP, merged);
    }
}
