package dev.trafficlens.adapters.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded randomised properties of the wire format: whatever mix of spellings, number encodings, gaps, point order
 * and stray points outside the window the vendor sends, the series come out slot for slot; and every request asks
 * for exactly the window, its end as the last second inside it. A failing trial names its seed.
 */
class ZenlayerWirePropertiesTest {

    private static final long SEED = 20260101L;
    private static final int TRIALS = 300;
    private static final Instant EPOCH_DAY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Step STEP = Step.FIVE_MINUTES;
    private static final int SLOTS_PER_DAY = 288;

    private enum Encoding { INTEGER, LONG, DECIMAL, TEXT, NULL }

    private static TimeWindow randomWindow(Random random) {
        int startSlot = random.nextInt(SLOTS_PER_DAY * 3);
        int slots = 1 + random.nextInt(SLOTS_PER_DAY);
        Instant from = EPOCH_DAY.plusSeconds(startSlot * STEP.seconds());
        return new TimeWindow(from, from.plusSeconds(slots * STEP.seconds()));
    }

    private static Set<Metric> randomMetrics(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Set.of(Metric.BITRATE_IN);
            case 1 -> Set.of(Metric.BITRATE_OUT);
            default -> Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT);
        };
    }

    @Test
    void any_mix_of_spellings_encodings_gaps_and_order_decodes_slot_for_slot() {
        Random seeds = new Random(SEED);
        for (int trial = 0; trial < TRIALS; trial++) {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            TimeWindow window = randomWindow(random);
            PlannedCall call = new PlannedCall(new ZenlayerPrivateConnect("pc-1"), window, STEP, randomMetrics(random));
            int slots = window.sampleCount(STEP);
            double[] in = new double[slots];
            double[] out = new double[slots];
            List<ObjectNode> points = new ArrayList<>();
            double gapRate = random.nextDouble() * 0.5;
            for (int i = 0; i < slots; i++) {
                if (random.nextDouble() < gapRate) {
                    in[i] = Double.NaN; // the whole point omitted
                    out[i] = Double.NaN;
                    continue;
                }
                ObjectNode point = JsonBodies.MAPPER.createObjectNode();
                point.put("time", ZenlayerTrafficRequest.WIRE_TIME.format(window.from().plusSeconds(i * STEP.seconds())));
                boolean sdkSpelling = random.nextBoolean();
                in[i] = putValue(point, sdkSpelling ? "internetRX" : "in", random);
                out[i] = putValue(point, sdkSpelling ? "internetTX" : "out", random);
                points.add(point);
            }
            points.addAll(strayPoints(window, random));
            Collections.shuffle(points, random);

            Either<String, SourceAnswer> decoded = ZenlayerTrafficReader.decode(call, response(points));

            assertThat(decoded.isRight()).as("seed %d: %s", seed, decoded).isTrue();
            SourceAnswer answer = decoded.get();
            assertThat(answer.series()).extracting(TrafficSeries::metric)
                    .as("seed %d", seed).containsExactlyInAnyOrderElementsOf(call.metrics());
            for (TrafficSeries series : answer.series()) {
                double[] expected = series.metric().equals(Metric.BITRATE_IN) ? in : out;
                assertThat(series.window()).as("seed %d", seed).isEqualTo(window);
                assertThat(series.values()).as("seed %d %s", seed, series.metric()).containsExactly(expected);
            }
        }
    }

    /** Writes one sample in a random encoding; returns the value it stands for (NaN for null). */
    private static double putValue(ObjectNode point, String field, Random random) {
        Encoding encoding = Encoding.values()[random.nextInt(Encoding.values().length)];
        long whole = random.nextInt(1_000_000_000);
        switch (encoding) {
            case INTEGER -> point.put(field, (int) whole);
            case LONG -> {
                long beyondInt = whole * 97 + Integer.MAX_VALUE; // above 2.1 Gbit/s, the SDKs' Integer overflow
                point.put(field, beyondInt);
                return beyondInt;
            }
            case DECIMAL -> {
                double decimal = whole + 0.5;
                point.put(field, decimal);
                return decimal;
            }
            case TEXT -> point.put(field, Long.toString(whole));
            case NULL -> {
                if (random.nextBoolean()) {
                    point.putNull(field);
                } // else the field is simply absent
                return Double.NaN;
            }
        }
        return whole;
    }

    /** Points the vendor might add outside what was asked: before the window, at its end, a day later. */
    private static List<ObjectNode> strayPoints(TimeWindow window, Random random) {
        List<ObjectNode> strays = new ArrayList<>();
        for (Instant time : List.of(window.from().minusSeconds(STEP.seconds()), window.to(),
                window.to().plus(Duration.ofDays(1)))) {
            if (random.nextBoolean()) {
                ObjectNode point = JsonBodies.MAPPER.createObjectNode();
                point.put("time", ZenlayerTrafficRequest.WIRE_TIME.format(time));
                point.put("internetRX", 424242);
                point.put("internetTX", 424242);
                strays.add(point);
            }
        }
        return strays;
    }

    private static JsonNode response(List<ObjectNode> points) {
        ObjectNode response = JsonBodies.MAPPER.createObjectNode();
        ArrayNode list = response.putArray("dataList");
        points.forEach(list::add);
        response.put("unit", "bps");
        return response;
    }

    @Test
    void every_request_asks_for_exactly_its_window_with_the_last_second_as_the_inclusive_end() {
        Random seeds = new Random(SEED + 1);
        for (int trial = 0; trial < TRIALS; trial++) {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            TimeWindow window = randomWindow(random);
            String id = randomIdentifier(random);
            boolean cloudRouter = random.nextBoolean();

            ZenlayerTrafficRequest request = ZenlayerTrafficRequest.of(cloudRouter
                    ? new ZenlayerCloudRouterDcPair(id, id + "-a", id + "-z")
                    : new ZenlayerPrivateConnect(id), window);

            JsonNode body = JsonBodies.parse(request.body()).get();
            Instant start = Instant.parse(body.get("startTime").stringValue());
            Instant end = Instant.parse(body.get("endTime").stringValue());
            assertThat(start).as("seed %d", seed).isEqualTo(window.from());
            assertThat(end).as("seed %d", seed).isEqualTo(window.to().minusSeconds(1));
            assertThat(Duration.between(start, end)).as("seed %d", seed).isLessThan(Duration.ofDays(1));
            assertThat(body.get("startTime").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            Set<String> fields = body.propertyStream().map(Map.Entry::getKey).collect(Collectors.toSet());
            if (cloudRouter) {
                assertThat(request.action()).isEqualTo("DescribeCloudRouterDCToDCTraffic");
                assertThat(fields).containsExactlyInAnyOrder(
                        "cloudRouterId", "sourceDcId", "destinationDcId", "startTime", "endTime");
                assertThat(body.get("cloudRouterId").stringValue()).as("seed %d", seed).isEqualTo(id);
                assertThat(body.get("destinationDcId").stringValue()).isEqualTo(id + "-z");
            } else {
                assertThat(request.action()).isEqualTo("DescribePrivateConnectTraffic");
                assertThat(fields).containsExactlyInAnyOrder("privateConnectId", "startTime", "endTime");
                assertThat(body.get("privateConnectId").stringValue()).as("seed %d", seed).isEqualTo(id);
            }
        }
    }

    /** Ids with characters JSON must escape, and non-ASCII ones, to prove the body is real JSON. */
    private static String randomIdentifier(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_\"\\/é测";
        StringBuilder id = new StringBuilder("pc");
        int length = 1 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
