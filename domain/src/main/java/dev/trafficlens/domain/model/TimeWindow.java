package dev.trafficlens.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A half-open time range {@code [from, to)}: {@code from} is included, {@code to} is not. */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("window: expected from before to, got from " + from + " and to " + to);
        }
    }

    public static TimeWindow of(Instant from, Instant to) {
        return new TimeWindow(from, to);
    }

    public static TimeWindow of(String from, String to) {
        return new TimeWindow(Instant.parse(from), Instant.parse(to));
    }

    public Duration span() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant time) {
        return !time.isBefore(from) && time.isBefore(to);
    }

    public boolean isAlignedTo(Step step) {
        return step.isAligned(from) && step.isAligned(to);
    }

    /** The smallest window on the step grid that holds this one. */
    public TimeWindow alignedOutward(Step step) {
        return new TimeWindow(step.floor(from), step.ceil(to));
    }

    /** How many samples of {@code step} this window holds; the window must be aligned to the step. */
    public int sampleCount(Step step) {
        if (!isAlignedTo(step)) {
            throw new IllegalArgumentException("window " + this + " is not on the " + step + " grid");
        }
        return Math.toIntExact(span().getSeconds() / step.seconds());
    }

    /** The part of this window that is also in {@code other}, if any. */
    public Optional<TimeWindow> intersection(TimeWindow other) {
        Instant start = from.isAfter(other.from) ? from : other.from;
        Instant end = to.isBefore(other.to) ? to : other.to;
        return start.isBefore(end) ? Optional.of(new TimeWindow(start, end)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
