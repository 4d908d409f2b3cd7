package dev.trafficlens.sandbox.qingcloud;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * QingCloud's compressed monitoring series for a two-value meter. Element 0 is {@code [t0, [in, out]]} with t0 the
 * Unix second of the first slot that has a sample; each bare {@code [in, out]} lies one step after the element before
 * it; a single slot without a sample is {@code "NA"}; a run of two or more is skipped with the offset form
 * {@code [seconds since the previous element, [in, out]]} on the next sample; missing slots at the end are
 * {@code "NA"}. So every gap form the vendor documents appears, and always the same way for the same data.
 */
final class CompressedSeries {

    static final String NOT_AVAILABLE = "NA";

    private static final double LARGEST_EXACT_LONG = 0x1p53;

    private CompressedSeries() {
    }

    /** {@code samples} from {@code firstSlot}, one per {@code stepSeconds}, {@code null} for a missing slot. */
    static ArrayNode encode(JsonNodeFactory json, long firstSlot, long stepSeconds, List<double[]> samples) {
        ArrayNode data = json.arrayNode();
        int first = 0;
        while (first < samples.size() && samples.get(first) == null) {
            first++;
        }
        if (first == samples.size()) {
            return data;
        }
        data.add(json.arrayNode().add(firstSlot + first * stepSeconds).add(pair(json, samples.get(first))));
        int missing = 0;
        for (int i = first + 1; i < samples.size(); i++) {
            double[] sample = samples.get(i);
            if (sample == null) {
                missing++;
                continue;
            }
            if (missing == 1) {
                data.add(NOT_AVAILABLE);
                data.add(pair(json, sample));
            } else if (missing > 1) {
                data.add(json.arrayNode().add((missing + 1) * stepSeconds).add(pair(json, sample)));
            } else {
                data.add(pair(json, sample));
            }
            missing = 0;
        }
        for (int i = 0; i < missing; i++) {
            data.add(NOT_AVAILABLE);
        }
        return data;
    }

    private static ArrayNode pair(JsonNodeFactory json, double[] inOut) {
        ArrayNode pair = json.arrayNode();
        for (double value : inOut) {
            if (value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT_LONG) {
                pair.add((long) value);
            } else {
                pair.add(value);
            }
        }
        return pair;
    }
}
