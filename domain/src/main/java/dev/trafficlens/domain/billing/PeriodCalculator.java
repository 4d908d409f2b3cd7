package dev.trafficlens.domain.billing;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.stats.BillingPercentile;
import dev.trafficlens.domain.stats.BillingRule;
import dev.trafficlens.domain.stats.MissingPolicy;
import dev.trafficlens.domain.stats.PercentileMethod;
import dev.trafficlens.domain.stats.Percentiles;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A bill's figures over one period, computed link by link so that a bill of a thousand links never holds more than
 * one link's samples at a time: {@link #add} each link's period once, then {@link #figures}. The aggregate of the
 * links is kept as one running sum per direction and slot (two arrays of the period's slots); each link's own figures
 * are computed when it is added, and its samples are then the caller's to drop. Missing samples are skipped (as
 * {@link MissingPolicy#SKIP}): an aggregate slot is present only where every link has a sample.
 */
public final class PeriodCalculator {

    private static final double PERCENTILE = 95;
    private static final Step SLOT = Step.FIVE_MINUTES;
    private static final int SLOTS_PER_DAY = 288;
    private static final double BITS_PER_MEGABIT = 1e6;
    private static final double BYTES_PER_GIGABYTE = 1e9;

    private final BillDefinition bill;
    private final BillingPeriod period;
    private final int slots;
    private final int elapsed;
    private final boolean complete;
    private final boolean forecasting;
    private final double commitBps;
    private final double[] aggregateIn;
    private final double[] aggregateOut;
    /** Each slot's local weekday and time of day ({@code weekday × 288 + slot of the day}), for projections. */
    private final int[] weekSlots;
    private final List<LinkFigures> links = new ArrayList<>();
    private double totalBytes;
    private final Sum sumIn = new Sum();
    private final Sum sumOut = new Sum();
    private final Sum sumBilled = new Sum();
    private final Sum sumFloor = new Sum();
    private final Sum sumCeiling = new Sum();
    private boolean ceilingUnbounded;
    private final Sum sumProjected = new Sum();

    /** Figures of {@code bill} over {@code period} as known at {@code now}: as if it ended then, if it has not. */
    public PeriodCalculator(BillDefinition bill, BillingPeriod period, Instant now) {
        this.bill = Objects.requireNonNull(bill, "bill");
        this.period = Objects.requireNonNull(period, "period");
        this.slots = period.expectedSlots();
        this.elapsed = period.elapsedSlotsAt(now);
        this.complete = period.completeAt(now);
        this.forecasting = !complete && bill.model() == BillingModel.PERCENTILE_95;
        this.commitBps = bill.commitBps().orElse(0);
        this.aggregateIn = new double[slots];
        this.aggregateOut = new double[slots];
        this.weekSlots = forecasting ? weekSlots(period, bill, slots) : null;
    }

    /** Adds one link of the bill: its samples over the whole period ({@link BillingPeriod#expectedSlots} each). */
    public void add(String linkId, LinkSamples samples) {
        Objects.requireNonNull(linkId, "linkId");
        if (samples.slots() != slots) {
            throw new IllegalArgumentException("samples: expected the period's " + slots + " slots, got "
                    + samples.slots());
        }
        double[] in = samples.inBps();
        double[] out = samples.outBps();
        for (int i = 0; i < slots; i++) {
            // NaN + x is NaN: a slot any link lacks stays missing in the aggregate.
            aggregateIn[i] += i < elapsed ? in[i] : Double.NaN;
            aggregateOut[i] += i < elapsed ? out[i] : Double.NaN;
        }
        double bytes = samples.bytes(elapsed);
        totalBytes += bytes;
        Figures own = figuresOf(in, out);
        links.add(new LinkFigures(linkId, own.present, coverage(own.present), own.in, own.out, own.billed, own.rank,
                bytes));
        if (bill.combine() == LinkCombination.PER_LINK) {
            sumIn.add(own.in);
            sumOut.add(own.out);
            sumBilled.add(own.billed);
            if (forecasting) {
                Forecast forecast = forecastOf(in, out);
                sumFloor.add(OptionalDouble.of(forecast.floor));
                ceilingUnbounded |= forecast.ceiling.isEmpty();
                sumCeiling.add(forecast.ceiling);
                sumProjected.add(forecast.projected);
            }
        }
    }

    /** The bill's figures over the links added so far. */
    public PeriodFigures figures() {
        Figures aggregate = figuresOf(aggregateIn, aggregateOut);
        boolean perLink = bill.combine() == LinkCombination.PER_LINK;
        OptionalDouble in = perLink ? sumIn.value() : aggregate.in;
        OptionalDouble out = perLink ? sumOut.value() : aggregate.out;
        OptionalDouble billed = perLink ? sumBilled.value() : aggregate.billed;
        OptionalInt rank = perLink ? OptionalInt.empty() : aggregate.rank;
        Optional<BillForecast> forecast = Optional.empty();
        if (forecasting) {
            if (perLink) {
                forecast = Optional.of(new BillForecast(sumFloor.value().orElse(0),
                        ceilingUnbounded ? OptionalDouble.empty() : sumCeiling.value(), OptionalInt.empty(),
                        sumProjected.value()));
            } else {
                Forecast each = forecastOf(aggregateIn, aggregateOut);
                forecast = Optional.of(new BillForecast(each.floor, each.ceiling, OptionalInt.of(each.burstSlotsLeft),
                        each.projected));
            }
        }
        boolean percentile = bill.model() == BillingModel.PERCENTILE_95;
        OptionalDouble commit = percentile ? OptionalDouble.of(commitBps) : OptionalDouble.empty();
        OptionalDouble overage = percentile && billed.isPresent()
                ? OptionalDouble.of(Math.max(0, billed.getAsDouble() - commitBps)) : OptionalDouble.empty();
        double bytesCommitted = bill.commitBytes().orElse(0);
        OptionalDouble commitBytes = percentile ? OptionalDouble.empty() : OptionalDouble.of(bytesCommitted);
        OptionalDouble overageBytes = percentile ? OptionalDouble.empty()
                : OptionalDouble.of(Math.max(0, totalBytes - bytesCommitted));
        return new PeriodFigures(period, complete, slots, elapsed, aggregate.present, coverage(aggregate.present), in,
                out, billed, rank, totalBytes, commit, overage, commitBytes, overageBytes,
                charge(overage, overageBytes), forecast, links);
    }

    /**
     * Percentile model: commit ÷ 10⁶ × price + overage ÷ 10⁶ × overage price. Volume model: (commit bytes + bytes
     * above it) ÷ 10⁹ × price per GB.
     */
    private OptionalDouble charge(OptionalDouble overageBps, OptionalDouble overageBytes) {
        if (bill.model() == BillingModel.PERCENTILE_95) {
            if (bill.pricePerMbps().isEmpty()) {
                return OptionalDouble.empty();
            }
            double overage = overageBps.orElse(0);
            return OptionalDouble.of(commitBps / BITS_PER_MEGABIT * bill.pricePerMbps().getAsDouble()
                    + overage / BITS_PER_MEGABIT * bill.effectiveOveragePricePerMbps().getAsDouble());
        }
        if (bill.pricePerGB().isEmpty()) {
            return OptionalDouble.empty();
        }
        double price = bill.pricePerGB().getAsDouble();
        return OptionalDouble.of(bill.commitBytes().orElse(0) / BYTES_PER_GIGABYTE * price
                + overageBytes.getAsDouble() / BYTES_PER_GIGABYTE * price);
    }

    private double coverage(int present) {
        return elapsed == 0 ? 0 : (double) present / elapsed;
    }

    private record Figures(int present, OptionalDouble in, OptionalDouble out, OptionalDouble billed,
            OptionalInt rank) {
    }

    /** p95 of each direction and billed under the rule, over the elapsed slots (values beyond them are ignored). */
    private Figures figuresOf(double[] in, double[] out) {
        int present = 0;
        for (int i = 0; i < elapsed; i++) {
            if (in[i] == in[i] && out[i] == out[i]) {
                present++;
            }
        }
        if (elapsed == 0) {
            return new Figures(0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalInt.empty());
        }
        double[] inSoFar = Arrays.copyOf(in, elapsed);
        double[] outSoFar = Arrays.copyOf(out, elapsed);
        OptionalDouble billed = BillingPercentile.of(
                TrafficSeries.of(Metric.BITRATE_IN, period.from(), SLOT, inSoFar),
                TrafficSeries.of(Metric.BITRATE_OUT, period.from(), SLOT, outSoFar),
                bill.rule(), PERCENTILE, MissingPolicy.SKIP);
        return new Figures(present, p95(inSoFar), p95(outSoFar), billed,
                present == 0 ? OptionalInt.empty() : OptionalInt.of(Percentiles.nearestRank(PERCENTILE, present)));
    }

    private static OptionalDouble p95(double[] values) {
        double value = Percentiles.of(values, PercentileMethod.NEAREST_RANK, PERCENTILE)[0];
        return value == value ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    private record Forecast(double floor, OptionalDouble ceiling, int burstSlotsLeft, OptionalDouble projected) {
    }

    /**
     * Bounds and projection under the rule: the combined rules bound their per-slot combined values; HIGHER_DIRECTION
     * bounds each direction and takes the higher floor, ceiling and projection, and the fewer burst slots.
     */
    private Forecast forecastOf(double[] in, double[] out) {
        int toCome = slots - elapsed;
        if (bill.rule() == BillingRule.HIGHER_DIRECTION) {
            PercentileBounds inBounds = PercentileBounds.of(in, elapsed, toCome, commitBps);
            PercentileBounds outBounds = PercentileBounds.of(out, elapsed, toCome, commitBps);
            OptionalDouble ceiling = inBounds.ceiling().isPresent() && outBounds.ceiling().isPresent()
                    ? OptionalDouble.of(Math.max(inBounds.ceiling().getAsDouble(), outBounds.ceiling().getAsDouble()))
                    : OptionalDouble.empty();
            return new Forecast(Math.max(inBounds.floor(), outBounds.floor()), ceiling,
                    Math.min(inBounds.burstSlotsLeft(), outBounds.burstSlotsLeft()),
                    higher(projected(in), projected(out)));
        }
        boolean add = bill.rule() == BillingRule.SUM;
        double[] combined = new double[slots];
        for (int i = 0; i < slots; i++) {
            combined[i] = i < elapsed ? (add ? in[i] + out[i] : maxOrNaN(in[i], out[i])) : Double.NaN;
        }
        PercentileBounds bounds = PercentileBounds.of(combined, elapsed, toCome, commitBps);
        return new Forecast(bounds.floor(), bounds.ceiling(), bounds.burstSlotsLeft(), projected(combined));
    }

    private static double maxOrNaN(double a, double b) {
        return a != a || b != b ? Double.NaN : Math.max(a, b);
    }

    private static OptionalDouble higher(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalDouble.of(Math.max(a.getAsDouble(), b.getAsDouble()));
    }

    /**
     * The p95 of the observed samples followed by a projection of each slot to come: the mean of the observed samples
     * at the same local weekday and time of day; where none, at the same time of day on any day; where none, of all.
     */
    OptionalDouble projected(double[] values) {
        double[] weekSum = new double[7 * SLOTS_PER_DAY];
        int[] weekCount = new int[7 * SLOTS_PER_DAY];
        double[] daySum = new double[SLOTS_PER_DAY];
        int[] dayCount = new int[SLOTS_PER_DAY];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < elapsed; i++) {
            double value = values[i];
            if (value == value) {
                weekSum[weekSlots[i]] += value;
                weekCount[weekSlots[i]]++;
                daySum[weekSlots[i] % SLOTS_PER_DAY] += value;
                dayCount[weekSlots[i] % SLOTS_PER_DAY]++;
                sum += value;
                count++;
            }
        }
        if (count == 0) {
            return OptionalDouble.empty();
        }
        double[] completed = Arrays.copyOf(values, slots);
        for (int i = elapsed; i < slots; i++) {
            int week = weekSlots[i];
            int day = week % SLOTS_PER_DAY;
            completed[i] = weekCount[week] > 0 ? weekSum[week] / weekCount[week]
                    : dayCount[day] > 0 ? daySum[day] / dayCount[day] : sum / count;
        }
        return p95(completed);
    }

    private static int[] weekSlots(BillingPeriod period, BillDefinition bill, int slots) {
        int[] keys = new int[slots];
        for (int i = 0; i < slots; i++) {
            ZonedDateTime local = period.from().plusSeconds(SLOT.seconds() * i).atZone(bill.timeZone());
            keys[i] = (local.getDayOfWeek().getValue() - 1) * SLOTS_PER_DAY
                    + (local.getHour() * 60 + local.getMinute()) / 5;
        }
        return keys;
    }

    /** A sum of optional figures: empty until one is present. */
    private static final class Sum {
        private double total;
        private boolean any;

        void add(OptionalDouble value) {
            if (value.isPresent()) {
                total += value.getAsDouble();
                any = true;
            }
        }

        OptionalDouble value() {
            return any ? OptionalDouble.of(total) : OptionalDouble.empty();
        }
    }
}
