package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.Quantity;
import dev.trafficlens.domain.port.out.PlannedCall;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes series the way QingCloud compresses them, for tests: a stub vendor's answers and the property tests'
 * inputs. Missing slots become {@code "NA"} or are skipped (the next value then takes the {@code [offset, pair]}
 * form), chosen by a seeded random source so every run writes the same bytes.
 */
final class CompressedSeries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CompressedSeries() {
    }

    /**
     * Grid slots {@code start + i·step} holding {@code in[i]}/{@code out[i]} (NaN in both = missing), compressed.
     * {@code skipChance} is how often a missing slot is left out rather than written as "NA"; {@code gapFormChance}
     * how often a value that could be bare is written in the gap form anyway.
     */
    static ArrayNode encode(long start, long step, double[] in, double[] out, Random random,
            double skipChance, double gapFormChance) {
        ArrayNode data = NODES.arrayNode();
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < in.length; i++) {
            long time = start + i * step;
            boolean missing = Double.isNaN(in[i]) || Double.isNaN(out[i]);
            if (missing != (Double.isNaN(in[i]) && Double.isNaN(out[i]))) {
                throw new IllegalArgumentException("QingCloud has no form for one direction missing (slot " + i + ")");
            }
            if (previous == Long.MIN_VALUE) {
                if (!missing) {
                    data.addArray().add(time).add(pair(in[i], out[i]));
                    previous = time;
                }
                continue; // element 0 is the first valid sample: leading gaps are not written at all
            }
            if (missing) {
                // "NA" always stands one step after the element before it, so it can only follow an unbroken run.
                if (time == previous + step && random.nextDouble() >= skipChance) {
                    data.add(QingCloudSeriesDecoder.NOT_AVAILABLE);
                    previous = time;
                }
                continue;
            }
            if (time == previous + step && random.nextDouble() >= gapFormChance) {
                data.add(pair(in[i], out[i]));
            } else {
                data.addArray().add(time - previous).add(pair(in[i], out[i]));
            }
            previous = time;
        }
        return data;
    }

    static ArrayNode pair(double in, double out) {
        ArrayNode pair = NODES.arrayNode();
        addNumber(pair, in);
        addNumber(pair, out);
        return pair;
    }

    private static void addNumber(ArrayNode array, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            array.add((long) value);
        } else {
            array.add(value);
        }
    }

    /** A GetWanMonitor success body holding {@code values} (domain units) for the call's metrics. */
    static String answer(PlannedCall call, Map<Metric, double[]> values, Random random) {
        return answer(call, values, random, 0.5, 0.1);
    }

    static String answer(PlannedCall call, Map<Metric, double[]> values, Random random,
            double skipChance, double gapFormChance) {
        ObjectNode body = NODES.objectNode();
        body.put("action", "GetWanMonitorResponse");
        ArrayNode meterSet = body.putArray("meter_set");
        long start = call.window().from().getEpochSecond();
        long step = call.step().seconds();
        int size = call.window().sampleCount(call.step());
        for (QingCloudMeter meter : GetWanMonitorRequest.metersFor(call.metrics())) {
            double[] in = vendorValues(values, meter, Direction.IN, Direction.OUT, size);
            double[] out = vendorValues(values, meter, Direction.OUT, Direction.IN, size);
            ObjectNode entry = meterSet.addObject();
            entry.set("data", encode(start, step, in, out, random, skipChance, gapFormChance));
            entry.put("meter_id", meter.id());
        }
        body.put("ret_code", 0);
        body.put("resource_id", ((QingCloudWanAccess) call.resource()).resource());
        return JsonBodies.MAPPER.writeValueAsString(body);
    }

    /** The meter's values for {@code direction}, or the other direction's when the call did not ask for this one. */
    private static double[] vendorValues(Map<Metric, double[]> values, QingCloudMeter meter, Direction direction,
            Direction otherwise, int size) {
        Quantity quantity = switch (meter) {
            case TRAFFIC -> Quantity.BITRATE;
            case FLOW -> Quantity.VOLUME;
            case PPS -> Quantity.PACKET_RATE;
        };
        double[] domain = values.getOrDefault(Metric.of(direction, quantity), values.get(Metric.of(otherwise, quantity)));
        double[] vendor = new double[size];
        for (int i = 0; i < size; i++) {
            double value = domain == null ? Double.NaN : domain[i];
            vendor[i] = meter == QingCloudMeter.TRAFFIC ? value / 8 : value;
        }
        return vendor;
    }
}
