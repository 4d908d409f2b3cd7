package dev.trafficlens.sandbox.zenlayer;

import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.TrafficModel.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code response} of a traffic call from TrafficModel: one point per 5-minute grid time from startTime through
 * endTime inclusive, {@code internetRX} = inbound and {@code internetTX} = outbound whole bit/s, gap slots left out
 * (Zenlayer documents no gap marker; the SDKs' optional fields suggest omission), then the summary of the points sent.
 */
final class TrafficReport {

    private TrafficReport() {
    }

    /** A point as sent: its grid time and both rates. */
    record Point(Instant time, long rx, long tx) {
    }

    static List<Point> points(TrafficCall call, TrafficModel traffic, SandboxScenario scenario) {
        long slot = TrafficModel.SLOT_SECONDS;
        long first = -Math.floorDiv(-call.start().getEpochSecond(), slot) * slot;
        long last = Math.floorDiv(call.end().getEpochSecond(), slot) * slot;
        String resource = call.resourceId();
        List<Point> points = new ArrayList<>();
        for (long time = first; time <= last; time += slot) {
            Instant at = Instant.ofEpochSecond(time);
            if (traffic.isGap(resource, time) || scenario.omits(at)) {
                continue;
            }
            points.add(new Point(at, (long) traffic.bitsPerSecond(resource, Direction.IN, time),
                    (long) traffic.bitsPerSecond(resource, Direction.OUT, time)));
        }
        return points;
    }

    /** The response fields after requestId, in the order of the vendor's documentation. */
    static ObjectNode of(TrafficCall call, TrafficModel traffic, SandboxScenario scenario, JsonNodeFactory nodes) {
        List<Point> points = points(call, traffic, scenario);
        ObjectNode response = nodes.objectNode();
        ArrayNode dataList = response.putArray("dataList");
        for (Point point : points) {
            dataList.addObject()
                    .put("time", point.time().toString())
                    .put("internetRX", point.rx())
                    .put("internetTX", point.tx());
        }
        BandwidthFigures in = BandwidthFigures.of(points.stream().mapToLong(Point::rx).toArray());
        BandwidthFigures out = BandwidthFigures.of(points.stream().mapToLong(Point::tx).toArray());
        put(response, "in", in);
        put(response, "out", out);
        response.put("unit", "bps");
        return response;
    }

    private static void put(ObjectNode response, String direction, BandwidthFigures figures) {
        response.put(direction + "95", figures.p95())
                .put(direction + "Avg", figures.avg())
                .put(direction + "Max", figures.max())
                .put(direction + "Min", figures.min())
                .put(direction + "Total", figures.totalBytes());
    }
}
