package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.Fixtures;
import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.port.out.PlannedCall;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Zenlayer answers for tests, in the vendor's wire format, and the JSON fixtures under src/test/resources. */
final class ZenlayerReplies {

    static final String REQUEST_ID = "T4C35327C-7B13-47B8-A815-5E5213D4A9F9";

    private ZenlayerReplies() {
    }

    /**
     * A success body holding {@code values} slot by slot, in the SDKs' internetRX/internetTX spelling: a slot
     * missing in every metric is left out of dataList (the vendor's gap), one missing in only some is null.
     */
    static String trafficBody(PlannedCall call, Map<Metric, double[]> values) {
        ObjectNode response = JsonBodies.MAPPER.createObjectNode();
        response.put("requestId", REQUEST_ID);
        ArrayNode points = response.putArray("dataList");
        int size = call.window().sampleCount(call.step());
        for (int i = 0; i < size; i++) {
            int slot = i;
            if (values.values().stream().allMatch(series -> Double.isNaN(series[slot]))) {
                continue;
            }
            ObjectNode point = points.addObject();
            Instant time = call.window().from().plusSeconds(i * call.step().seconds());
            point.put("time", ZenlayerTrafficRequest.WIRE_TIME.format(time));
            putSample(point, "internetRX", values.get(Metric.BITRATE_IN), i);
            putSample(point, "internetTX", values.get(Metric.BITRATE_OUT), i);
        }
        response.put("unit", "bps");
        ObjectNode root = JsonBodies.MAPPER.createObjectNode();
        root.put("requestId", REQUEST_ID);
        root.set("response", response);
        return JsonBodies.MAPPER.writeValueAsString(root);
    }

    private static void putSample(ObjectNode point, String field, double[] series, int index) {
        if (series == null) {
            return;
        }
        if (Double.isNaN(series[index])) {
            point.putNull(field);
        } else {
            point.put(field, (long) series[index]);
        }
    }

    static StubVendor.Reply traffic(PlannedCall call, Map<Metric, double[]> values) {
        return StubVendor.Reply.json(200, trafficBody(call, values));
    }

    static String errorBody(String code, String message) {
        ObjectNode root = JsonBodies.MAPPER.createObjectNode();
        root.put("requestId", REQUEST_ID);
        root.put("code", code);
        root.put("message", message);
        return JsonBodies.MAPPER.writeValueAsString(root);
    }

    static StubVendor.Reply error(int status, String code, String message) {
        return StubVendor.Reply.json(status, errorBody(code, message));
    }

    /** A fixture file from src/test/resources/fixtures/zenlayer, named after the case it shows. */
    static String fixture(String name) {
        return Fixtures.text("zenlayer", name);
    }
}
