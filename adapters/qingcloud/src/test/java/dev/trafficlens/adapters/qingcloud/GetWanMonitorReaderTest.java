package dev.trafficlens.adapters.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.Quantity;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whole answers read into series: the decoder, the unit conversions and the grid placement together. */
class GetWanMonitorReaderTest {

    private static final List<Step> STEPS = List.copyOf(Source.QINGCLOUD_WAN.limits().nativeSteps());
    private static final List<Metric> METRICS = List.copyOf(Source.QINGCLOUD_WAN.limits().metrics());

    /**
     * Property: whatever slots are missing and however the vendor chooses to write the gaps ("NA", skipped slots
     * followed by an offset, offsets where a bare pair would do), the series read back equal the series written.
     */
    @Test
    void any_series_compressed_any_way_reads_back_exactly() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            PlannedCall call = randomCall(random);
            Map<Metric, double[]> written = randomValues(random, call);
            String body = CompressedSeries.answer(call, written, random, random.nextDouble(), random.nextDouble());

            Attempt<SourceAnswer> read = new GetWanMonitorReader(call).read(200, body.getBytes(StandardCharsets.UTF_8));

            assertThat(read).as("seed %d: %s", seed, read).isInstanceOf(Attempt.Success.class);
            SourceAnswer answer = ((Attempt.Success<SourceAnswer>) read).value();
            assertThat(answer.series()).hasSize(call.metrics().size());
            for (Metric metric : call.metrics()) {
                TrafficSeries series = answer.series(metric).orElseThrow();
                assertThat(series.window()).isEqualTo(call.window());
                assertThat(Arrays.toString(series.values())).as("seed %d, %s, body %s", seed, metric, body)
                        .isEqualTo(Arrays.toString(written.get(metric)));
            }
        }
    }

    private static PlannedCall randomCall(Random random) {
        Step step = STEPS.get(random.nextInt(STEPS.size()));
        long slotsPerDay = 86_400 / step.seconds();
        long slots = 1 + random.nextInt((int) slotsPerDay);
        Instant from = step.floor(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(86_400 * 60)));
        Set<Metric> metrics = new HashSet<>();
        while (metrics.isEmpty()) {
            METRICS.stream().filter(metric -> random.nextBoolean()).forEach(metrics::add);
        }
        return new PlannedCall(QingCloudWanAccess.of("pek3", "waif-" + random.nextInt(1000), "vpc"),
                new TimeWindow(from, from.plusSeconds(slots * step.seconds())), step, metrics);
    }

    /** Values per metric; a slot is missing in both directions of a meter at once, as QingCloud can only say. */
    private static Map<Metric, double[]> randomValues(Random random, PlannedCall call) {
        int size = call.window().sampleCount(call.step());
        double missingChance = random.nextDouble();
        Map<Metric, double[]> values = new LinkedHashMap<>();
        for (Quantity quantity : Quantity.values()) {
            boolean[] missing = new boolean[size];
            for (int i = 0; i < size; i++) {
                missing[i] = random.nextDouble() < missingChance;
            }
            for (Direction direction : List.of(Direction.IN, Direction.OUT)) {
                double[] series = new double[size];
                for (int i = 0; i < size; i++) {
                    series[i] = missing[i] ? Double.NaN
                            : random.nextBoolean() ? random.nextInt(1_000_000_000) : random.nextDouble() * 1e9;
                }
                values.put(Metric.of(direction, quantity), series);
            }
        }
        Map<Metric, double[]> asked = new LinkedHashMap<>(values);
        asked.keySet().retainAll(call.metrics());
        // The vendor answers whole meters; the other direction of a meter is written too, then not asked for.
        Map<Metric, double[]> everything = new LinkedHashMap<>(values);
        everything.keySet().removeIf(metric -> call.metrics().stream()
                .noneMatch(wanted -> wanted.quantity() == metric.quantity()));
        assertThat(new ArrayList<>(everything.keySet())).containsAll(asked.keySet());
        return everything;
    }

    @Test
    void values_sit_exactly_where_the_window_starts_counting() {
        PlannedCall call = new PlannedCall(QingCloudWanAccess.of("pek3", "waif-1", "vpc"),
                TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-01T00:03:00Z"), Step.ONE_MINUTE,
                Set.of(Metric.VOLUME_IN, Metric.VOLUME_OUT));
        String body = "{\"ret_code\":0,\"meter_set\":[{\"meter_id\":\"flow\",\"data\":[[1767225660,[7,9]]]}]}";

        SourceAnswer answer = ((Attempt.Success<SourceAnswer>) new GetWanMonitorReader(call)
                .read(200, body.getBytes(StandardCharsets.UTF_8))).value();

        assertThat(Arrays.toString(answer.series(Metric.VOLUME_IN).orElseThrow().values())).isEqualTo("[NaN, 7.0, NaN]");
        assertThat(Arrays.toString(answer.series(Metric.VOLUME_OUT).orElseThrow().values())).isEqualTo("[NaN, 9.0, NaN]");
    }
}
