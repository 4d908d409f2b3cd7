package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.domain.model.Step;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Expands one QingCloud compressed monitoring series of {@code [in, out]} pairs (GetWanMonitor's traffic, flow and
 * pps meters) into timed samples, following the vendor's compression rules:
 * <ol>
 *   <li>element 0 is {@code [t0, [in, out]]}, t0 being the Unix seconds of the first valid sample;</li>
 *   <li>a bare {@code [in, out]} lies one step after the element before it;</li>
 *   <li>{@code "NA"}, {@code null}, or a pair holding either, is a missing slot that still takes one step;</li>
 *   <li>{@code [offset, [in, out]]} lies {@code offset} seconds after the element before it, whatever the step.</li>
 * </ol>
 * A pair whose second entry is a number is a value, one whose second entry is an array is the gap form. Numbers may
 * come as JSON numbers or numeric strings. Anything else makes the whole series unreadable rather than guessed at.
 */
final class QingCloudSeriesDecoder {

    /** The vendor's marker for a slot without a valid value. */
    static final String NOT_AVAILABLE = "NA";

    /** One slot of a series: its time and both directions, NaN in both when the vendor marked the slot missing. */
    record PairSample(Instant time, double in, double out) {

        public PairSample {
            Objects.requireNonNull(time, "time");
        }

        static PairSample missing(Instant time) {
            return new PairSample(time, Double.NaN, Double.NaN);
        }

        boolean isMissing() {
            return Double.isNaN(in) || Double.isNaN(out);
        }
    }

    private QingCloudSeriesDecoder() {
    }

    /**
     * The samples {@code data} holds, in the order given, missing slots included; an empty list for an absent,
     * null or empty series; or what is wrong with it.
     */
    static Either<String, List<PairSample>> decode(JsonNode data, Step step) {
        Objects.requireNonNull(step, "step");
        if (data == null || data.isNull() || data.isMissingNode()) {
            return Either.right(List.of());
        }
        if (!data.isArray()) {
            return Either.left("expected the data to be an array");
        }
        List<PairSample> samples = new ArrayList<>(data.size());
        long previous = 0;
        for (int index = 0; index < data.size(); index++) {
            JsonNode element = data.get(index);
            Either<String, PairSample> sample = index == 0
                    ? first(element)
                    : following(element, previous, step.seconds());
            if (sample.isLeft()) {
                return Either.left("element " + index + " " + sample.getLeft());
            }
            samples.add(sample.get());
            previous = sample.get().time().getEpochSecond();
        }
        return Either.right(List.copyOf(samples));
    }

    private static Either<String, PairSample> first(JsonNode element) {
        if (!isTwoElementArray(element) || !element.get(1).isArray() && !isMissingMark(element.get(1))) {
            return Either.left("should be [first time, [in, out]], got " + describe(element));
        }
        Optional<Long> time = wholeNumber(element.get(0)).filter(seconds -> seconds >= 0);
        if (time.isEmpty()) {
            return Either.left("should start with the Unix seconds of the first sample, got " + describe(element.get(0)));
        }
        return pair(Instant.ofEpochSecond(time.get()), element.get(1));
    }

    private static Either<String, PairSample> following(JsonNode element, long previous, long stepSeconds) {
        if (isMissingMark(element)) {
            return Either.right(PairSample.missing(Instant.ofEpochSecond(previous + stepSeconds)));
        }
        if (!isTwoElementArray(element)) {
            return Either.left("should be [in, out], [offset, [in, out]] or \"NA\", got " + describe(element));
        }
        if (!element.get(1).isArray()) {
            return pair(Instant.ofEpochSecond(previous + stepSeconds), element);
        }
        Optional<Long> offset = wholeNumber(element.get(0)).filter(seconds -> seconds > 0);
        if (offset.isEmpty()) {
            return Either.left("should give a positive whole number of seconds before its [in, out], got "
                    + describe(element.get(0)));
        }
        return pair(Instant.ofEpochSecond(previous + offset.get()), element.get(1));
    }

    /** An {@code [in, out]} pair at {@code time}; a pair with a missing side is a missing slot, as the SDK reads it. */
    private static Either<String, PairSample> pair(Instant time, JsonNode pair) {
        if (isMissingMark(pair)) {
            return Either.right(PairSample.missing(time));
        }
        if (!isTwoElementArray(pair)) {
            return Either.left("should hold an [in, out] pair, got " + describe(pair));
        }
        Optional<Double> in = JsonBodies.number(pair.get(0));
        Optional<Double> out = JsonBodies.number(pair.get(1));
        boolean inMissing = isMissingMark(pair.get(0));
        boolean outMissing = isMissingMark(pair.get(1));
        if (!inMissing && in.isEmpty() || !outMissing && out.isEmpty()) {
            return Either.left("should hold numbers or \"NA\", got " + describe(pair));
        }
        if (inMissing || outMissing) {
            return Either.right(PairSample.missing(time));
        }
        return Either.right(new PairSample(time, in.get(), out.get()));
    }

    private static boolean isMissingMark(JsonNode node) {
        return node == null || node.isNull() || node.isString() && NOT_AVAILABLE.equals(node.stringValue());
    }

    private static boolean isTwoElementArray(JsonNode node) {
        return node != null && node.isArray() && node.size() == 2;
    }

    private static Optional<Long> wholeNumber(JsonNode node) {
        return JsonBodies.number(node)
                .filter(value -> value == Math.rint(value) && Math.abs(value) < 1e15)
                .map(Double::longValue);
    }

    private static String describe(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
