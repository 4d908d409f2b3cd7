package dev.trafficlens.adapters.tencentmna;

import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.adapters.support.StubVendor;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** GetFlowStatisticByRegion answers as the vendor writes them, for stubbed vendors and parser tests. */
final class MnaBodies {

    static final String REQUEST_ID = "bd89e515-20b4-445b-a88d-7355e76f8d22";

    private MnaBodies() {
    }

    /** A success answer holding {@code samples} (NaN = the bucket is left out), with Time as a string. */
    static String flow(Map<Instant, Double> samples) {
        ObjectNode response = JsonBodies.MAPPER.createObjectNode();
        ArrayNode details = response.putArray("NetDetails");
        double max = 0;
        double total = 0;
        int present = 0;
        for (Map.Entry<Instant, Double> sample : samples.entrySet()) {
            double value = sample.getValue();
            if (Double.isNaN(value)) {
                continue;
            }
            ObjectNode entry = details.addObject();
            putNumber(entry, "Current", value);
            entry.put("Time", Long.toString(sample.getKey().getEpochSecond()));
            max = Math.max(max, value);
            total += value;
            present++;
        }
        putNumber(response, "MaxValue", max);
        putNumber(response, "AvgValue", present == 0 ? 0 : total / present);
        putNumber(response, "TotalValue", total);
        response.put("RequestId", REQUEST_ID);
        return enveloped(response);
    }

    /** The vendor's error envelope, served with HTTP 200. */
    static String error(String code, String message) {
        ObjectNode response = JsonBodies.MAPPER.createObjectNode();
        ObjectNode error = response.putObject("Error");
        error.put("Code", code);
        error.put("Message", message);
        response.put("RequestId", REQUEST_ID);
        return enveloped(response);
    }

    static StubVendor.Reply flowReply(Map<Instant, Double> samples) {
        return StubVendor.Reply.json(200, flow(samples));
    }

    static StubVendor.Reply errorReply(String code, String message) {
        return StubVendor.Reply.json(200, error(code, message));
    }

    private static String enveloped(ObjectNode response) {
        ObjectNode root = JsonBodies.MAPPER.createObjectNode();
        root.set("Response", response);
        return JsonBodies.MAPPER.writeValueAsString(root);
    }

    /** Whole byte counts print as integers, as the vendor sends them. */
    private static void putNumber(ObjectNode node, String field, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(field, (long) value);
        } else {
            node.put(field, value);
        }
    }
}
