package dev.trafficlens.sandbox.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A test-only reading of a compressed {@code [in, out]} series: the samples it holds by Unix second. */
final class WanSeries {

    private WanSeries() {
    }

    static Map<Long, double[]> decode(JsonNode data, long stepSeconds) {
        Map<Long, double[]> samples = new LinkedHashMap<>();
        if (data.isEmpty()) {
            return samples;
        }
        JsonNode first = data.get(0);
        assertThat(first.isArray() && first.get(0).isIntegralNumber() && first.get(1).isArray())
                .as("element 0 is [t0, [in, out]]: %s", first).isTrue();
        long time = first.get(0).asLong();
        samples.put(time, pair(first.get(1)));
        for (int i = 1; i < data.size(); i++) {
            JsonNode element = data.get(i);
            if (element.isString()) {
                assertThat(element.asString()).isEqualTo("NA");
                time += stepSeconds;
            } else if (element.get(1).isArray()) {
                time += element.get(0).asLong();
                samples.put(time, pair(element.get(1)));
            } else {
                time += stepSeconds;
                samples.put(time, pair(element));
            }
        }
        return samples;
    }

    private static double[] pair(JsonNode pair) {
        assertThat(pair.size()).isEqualTo(2);
        return new double[] {pair.get(0).asDouble(), pair.get(1).asDouble()};
    }
}
