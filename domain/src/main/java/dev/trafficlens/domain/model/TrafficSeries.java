package dev.trafficlens.domain.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Evenly spaced samples of one metric: value {@code i} describes the interval starting at {@code start + i·step},
 * and is {@link Double#NaN} where no sample exists. Values live in one primitive array (8 bytes a sample: a 30-day
 * series of 8,640 five-minute samples costs about 70 KB) that no caller can change.
 */
public final class TrafficSeries {

    private final Metric metric;
    private final Instant start;
    private final Step step;
    private final double[] values;

    private TrafficSeries(Metric metric, Instant start, Step step, double[] values) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.start = Objects.requireNonNull(start, "start");
        this.step = Objects.requireNonNull(step, "step");
        this.values = Objects.requireNonNull(values, "values");
        if (!step.isAligned(start)) {
            throw new IllegalArgumentException("start: expected a time on the " + step + " UTC grid, got " + start);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("values: expected at least one slot (use NaN for a missing sample)");
        }
    }

    /** A series holding a copy of {@code values}; NaN marks a missing sample. */
    public static TrafficSeries of(Metric metric, Instant start, Step step, double... values) {
        return new TrafficSeries(metric, start, step, values.clone());
    }

    /** A series covering {@code window} with every sample missing. */
    public static TrafficSeries empty(Metric metric, TimeWindow window, Step step) {
        return builder(metric, window, step).build();
    }

    /** Fills a series over {@code window}, which must lie on the step grid, without copying its values at the end. */
    public static Builder builder(Metric metric, TimeWindow window, Step step) {
        return new Builder(metric, window, step);
    }

    public Metric metric() {
        return metric;
    }

    /** "bps", "pps" or "B". */
    public String unit() {
        return metric.unit();
    }

    /** Time of the first value. */
    public Instant start() {
        return start;
    }

    /** End of the last value's interval: the window is {@code [start, end)}. */
    public Instant end() {
        return timeAt(values.length);
    }

    public TimeWindow window() {
        return new TimeWindow(start, end());
    }

    public Step step() {
        return step;
    }

    /** Number of slots, present or missing. */
    public int size() {
        return values.length;
    }

    /** Value of slot {@code index}, NaN when missing. */
    public double valueAt(int index) {
        return values[index];
    }

    public boolean isPresent(int index) {
        return !Double.isNaN(values[index]);
    }

    public Instant timeAt(int index) {
        return start.plusSeconds(index * step.seconds());
    }

    /** Slot of the grid time {@code time}, or -1 when the time is off the grid or outside the series. */
    public int indexOf(Instant time) {
        long offset = time.getEpochSecond() - start.getEpochSecond();
        if (time.getNano() != 0 || offset < 0 || offset % step.seconds() != 0) {
            return -1;
        }
        long index = offset / step.seconds();
        return index < values.length ? (int) index : -1;
    }

    /** A fresh copy of the values, free for the caller to reorder or change. */
    public double[] values() {
        return values.clone();
    }

    public int presentCount() {
        int present = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                present++;
            }
        }
        return present;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrafficSeries that
                && metric.equals(that.metric)
                && start.equals(that.start)
                && step.equals(that.step)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, start, step, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "TrafficSeries[" + metric + " " + window() + " every " + step + ", " + presentCount() + "/" + size()
                + " present, " + metric.unit() + "]";
    }

    /**
     * Fills a series slot by slot or by time. Samples off the window are ignored (they were not asked for); a time
     * between grid points labels the interval it falls in; when two samples land in one slot the larger is kept, so
     * the result does not depend on the order they arrive in.
     */
    public static final class Builder {

        private final Metric metric;
        private final Instant start;
        private final Step step;
        private double[] values;

        private Builder(Metric metric, TimeWindow window, Step step) {
            this.metric = Objects.requireNonNull(metric, "metric");
            this.step = Objects.requireNonNull(step, "step");
            this.start = window.from();
            this.values = new double[window.sampleCount(step)];
            Arrays.fill(values, Double.NaN);
        }

        public int size() {
            return values().length;
        }

        /** Sets slot {@code index}, replacing what was there; NaN marks it missing. */
        public Builder set(int index, double value) {
            values()[index] = value;
            return this;
        }

        /** Adds a sample taken at {@code time}; returns whether it fell inside the window. */
        public boolean put(Instant time, double value) {
            long offset = time.getEpochSecond() - start.getEpochSecond();
            if (offset < 0) {
                return false;
            }
            long index = offset / step.seconds();
            double[] slots = values();
            if (index >= slots.length) {
                return false;
            }
            if (!Double.isNaN(value)) {
                int slot = (int) index;
                slots[slot] = Double.isNaN(slots[slot]) ? value : Math.max(slots[slot], value);
            }
            return true;
        }

        /** Hands the filled array to the series; the builder cannot be used afterwards. */
        public TrafficSeries build() {
            double[] filled = values();
            values = null;
            return new TrafficSeries(metric, start, step, filled);
        }

        private double[] values() {
            if (values == null) {
                throw new IllegalStateException("this builder already built its series");
            }
            return values;
        }
    }
}
