package dev.trafficlens.domain.model;

import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spacing of a series' samples, from one minute to one day. Samples sit on the UTC step grid: a sample's time is
 * a whole multiple of the step since the epoch, and labels the start of the interval it describes.
 */
public record Step(Duration duration) implements Comparable<Step> {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final Pattern LABEL = Pattern.compile("([1-9][0-9]{0,3})([mhd])");

    public static final Step ONE_MINUTE = ofMinutes(1);
    public static final Step FIVE_MINUTES = ofMinutes(5);
    public static final Step FIFTEEN_MINUTES = ofMinutes(15);
    public static final Step THIRTY_MINUTES = ofMinutes(30);
    public static final Step ONE_HOUR = ofMinutes(60);
    public static final Step TWO_HOURS = ofMinutes(120);
    public static final Step ONE_DAY = ofMinutes(1440);

    public Step {
        Objects.requireNonNull(duration, "duration");
        long seconds = duration.getSeconds();
        if (duration.getNano() != 0 || seconds < 60 || seconds > SECONDS_PER_DAY || seconds % 60 != 0
                || SECONDS_PER_DAY % seconds != 0) {
            throw new IllegalArgumentException("step: " + expectation() + ", got " + duration);
        }
    }

    public static Step ofMinutes(long minutes) {
        return new Step(Duration.ofMinutes(minutes));
    }

    /** Reads a label such as {@code 5m}, {@code 2h} or {@code 1d}; the error says what was expected. */
    public static Either<String, Step> parse(String label) {
        if (label == null) {
            return Either.left(expectation() + ", got nothing");
        }
        Matcher matcher = LABEL.matcher(label);
        if (!matcher.matches()) {
            return Either.left(expectation() + ", got \"" + label + "\"");
        }
        long amount = Long.parseLong(matcher.group(1));
        long minutes = switch (matcher.group(2)) {
            case "m" -> amount;
            case "h" -> amount * 60;
            default -> amount * 1440;
        };
        long seconds = minutes * 60;
        if (seconds > SECONDS_PER_DAY || SECONDS_PER_DAY % seconds != 0) {
            return Either.left(expectation() + ", got \"" + label + "\"");
        }
        return Either.right(ofMinutes(minutes));
    }

    private static String expectation() {
        return "expected a step such as 1m, 5m, 15m, 30m, 1h, 2h or 1d (whole minutes from 1m to 1d that divide a day)";
    }

    public long seconds() {
        return duration.getSeconds();
    }

    /** The shortest label: {@code 5m}, {@code 2h}, {@code 1d}. */
    public String label() {
        long seconds = seconds();
        if (seconds == SECONDS_PER_DAY) {
            return "1d";
        }
        if (seconds % 3600 == 0) {
            return (seconds / 3600) + "h";
        }
        return (seconds / 60) + "m";
    }

    /** The grid time at or before {@code time}. */
    public Instant floor(Instant time) {
        return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), seconds()) * seconds());
    }

    /** The grid time at or after {@code time}. */
    public Instant ceil(Instant time) {
        Instant floor = floor(time);
        return floor.equals(time) ? floor : floor.plusSeconds(seconds());
    }

    public boolean isAligned(Instant time) {
        return floor(time).equals(time);
    }

    /** Whether a series at this step can be resampled to {@code coarser} exactly (this step divides it). */
    public boolean divides(Step coarser) {
        return coarser.seconds() % seconds() == 0;
    }

    @Override
    public int compareTo(Step other) {
        return duration.compareTo(other.duration);
    }

    @Override
    public String toString() {
        return label();
    }
}
