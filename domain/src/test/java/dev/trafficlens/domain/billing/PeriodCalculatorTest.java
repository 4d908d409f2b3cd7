package dev.trafficlens.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.stats.BillingPercentile;
import dev.trafficlens.domain.stats.BillingRule;
import dev.trafficlens.domain.stats.MissingPolicy;
import dev.trafficlens.domain.stats.PercentileMethod;
import dev.trafficlens.domain.stats.Percentiles;
import dev.trafficlens.domain.stats.SeriesCombination;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeriodCalculatorTest {

    private static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");
    private static final double HUGE = 1e15;

    @Test
    void an_aggregate_bill_ranks_the_sum_of_its_links_as_the_stats_package_does() {
        Random random = new Random(1);
        for (BillingRule rule : BillingRule.values()) {
            for (int trial = 0; trial < 30; trial++) {
                int slots = 20 + random.nextInt(200);
                BillingPeriod period = period(slots);
                List<double[][]> links = links(random, 1 + random.nextInt(4), slots);
                PeriodCalculator calculator = new PeriodCalculator(bill(rule, LinkCombination.AGGREGATE), period,
                        period.to());
                double bytes = 0;
                for (int i = 0; i < links.size(); i++) {
                    calculator.add("l" + i, LinkSamples.ofBitRates(links.get(i)[0], links.get(i)[1]));
                    bytes += bytesOf(links.get(i));
                }
                PeriodFigures figures = calculator.figures();

                TrafficSeries in = SeriesCombination.sum(series(links, 0, period), MissingPolicy.SKIP);
                TrafficSeries out = SeriesCombination.sum(series(links, 1, period), MissingPolicy.SKIP);
                assertThat(figures.billedBps()).isEqualTo(BillingPercentile.of(in, out, rule, 95, MissingPolicy.SKIP));
                assertThat(figures.p95InBps().getAsDouble())
                        .isEqualTo(Percentiles.of(in.values(), PercentileMethod.NEAREST_RANK, 95)[0]);
                int bothPresent = 0;
                for (int slot = 0; slot < slots; slot++) {
                    bothPresent += in.isPresent(slot) && out.isPresent(slot) ? 1 : 0;
                }
                assertThat(figures.presentSlots()).isEqualTo(bothPresent);
                assertThat(figures.coverage()).isEqualTo((double) bothPresent / slots);
                assertThat(figures.rank()).hasValue(Percentiles.nearestRank(95, bothPresent));
                assertThat(figures.totalBytes()).isCloseTo(bytes, within(bytes * 1e-12));
                assertThat(figures.complete()).isTrue();
                assertThat(figures.forecast()).isEmpty();
                for (int i = 0; i < links.size(); i++) {
                    LinkFigures own = figures.links().get(i);
                    assertThat(own.linkId()).isEqualTo("l" + i);
                    assertThat(own.billedBps()).isEqualTo(BillingPercentile.of(series(links.get(i)[0], period, true),
                            series(links.get(i)[1], period, false), rule, 95, MissingPolicy.SKIP));
                }
            }
        }
    }

    @Test
    void a_per_link_bill_is_the_sum_of_each_links_own_figures() {
        Random random = new Random(2);
        for (BillingRule rule : BillingRule.values()) {
            int slots = 300;
            BillingPeriod period = period(slots);
            List<double[][]> links = links(random, 3, slots);
            PeriodFigures perLink = compute(bill(rule, LinkCombination.PER_LINK), period, period.to(), links);

            assertThat(perLink.billedBps().getAsDouble()).isCloseTo(perLink.links().stream()
                    .mapToDouble(link -> link.billedBps().getAsDouble()).sum(), within(1e-6));
            assertThat(perLink.p95InBps().getAsDouble()).isCloseTo(perLink.links().stream()
                    .mapToDouble(link -> link.p95InBps().getAsDouble()).sum(), within(1e-6));
            assertThat(perLink.rank()).isEmpty();
        }
    }

    @Test
    void per_link_and_aggregate_differ_both_ways() {
        BillingPeriod period = period(20);
        // Twenty slots: the highest sample of a series is forgiven. Two links that peak in different slots each have
        // their peak forgiven alone, but the aggregate has two peaks and bills the second.
        double[] first = new double[20];
        double[] second = new double[20];
        first[3] = 100;
        second[7] = 100;
        List<double[][]> apart = List.of(new double[][] {first, new double[20]}, new double[][] {second, new double[20]});
        assertThat(compute(bill(BillingRule.HIGHER_DIRECTION, LinkCombination.AGGREGATE), period, period.to(), apart)
                .billedBps()).hasValue(100);
        assertThat(compute(bill(BillingRule.HIGHER_DIRECTION, LinkCombination.PER_LINK), period, period.to(), apart)
                .billedBps()).hasValue(0);
        // Links that peak together: the aggregate forgives one shared peak, each link's second-highest is billed.
        double[] flat = new double[20];
        Arrays.fill(flat, 10);
        List<double[][]> together = List.of(new double[][] {flat, flat}, new double[][] {flat, flat});
        assertThat(compute(bill(BillingRule.SUM, LinkCombination.AGGREGATE), period, period.to(), together)
                .billedBps()).hasValue(40);
        assertThat(compute(bill(BillingRule.SUM, LinkCombination.PER_LINK), period, period.to(), together)
                .billedBps()).hasValue(40);
    }

    @Test
    void the_percentile_charge_is_commit_times_price_plus_overage_times_overage_price() {
        BillingPeriod period = period(20);
        double[] in = new double[20];
        Arrays.fill(in, 1.5e9);
        BillDefinition bill = BillDefinition.validate(BillInput.of("b", List.of("l"))
                .withPercentilePrices(1e9, 0.5, OptionalDouble.of(0.8))).get();

        PeriodFigures figures = compute(bill, period, period.to(), List.<double[][]>of(new double[][] {in, in}));

        assertThat(figures.commitBps()).hasValue(1e9);
        assertThat(figures.overageBps()).hasValue(0.5e9);
        assertThat(figures.charge().getAsDouble()).isCloseTo(1_000 * 0.5 + 500 * 0.8, within(1e-9));
        assertThat(figures.commitBytes()).isEmpty();
        BillDefinition noPrice = BillDefinition.validate(BillInput.of("b", List.of("l"))).get();
        assertThat(compute(noPrice, period, period.to(), List.<double[][]>of(new double[][] {in, in})).charge())
                .isEmpty();
    }

    @Test
    void a_volume_bill_charges_the_bytes_above_its_commit() {
        Random random = new Random(3);
        BillingPeriod period = period(288);
        double[] inBytes = new double[288];
        double[] outBytes = new double[288];
        Arrays.setAll(inBytes, i -> i % 50 == 0 ? Double.NaN : random.nextInt(1_000_000_000));
        Arrays.setAll(outBytes, i -> random.nextInt(1_000_000_000));
        double total = Arrays.stream(inBytes).filter(v -> !Double.isNaN(v)).sum() + Arrays.stream(outBytes).sum();
        BillDefinition bill = BillDefinition.validate(BillInput.of("b", List.of("mna"))
                .withModel(BillingModel.VOLUME).withVolumePrices(100e9, 0.02)).get();

        PeriodCalculator calculator = new PeriodCalculator(bill, period, period.to());
        calculator.add("mna", LinkSamples.ofVolumes(inBytes, outBytes));
        PeriodFigures figures = calculator.figures();

        assertThat(figures.totalBytes()).isEqualTo(total);
        assertThat(figures.commitBytes()).hasValue(100e9);
        assertThat(figures.overageBytes().getAsDouble()).isEqualTo(Math.max(0, total - 100e9));
        assertThat(figures.charge().getAsDouble())
                .isCloseTo(100 * 0.02 + Math.max(0, total - 100e9) / 1e9 * 0.02, within(1e-9));
        assertThat(figures.commitBps()).isEmpty();
        // The derived bit rate of each slot is bytes × 8 ÷ 300, as the MNA queries report it.
        double[] rates = Arrays.stream(inBytes).map(bytes -> bytes * 8 / 300).toArray();
        assertThat(figures.p95InBps().getAsDouble())
                .isEqualTo(Percentiles.of(rates, PercentileMethod.NEAREST_RANK, 95)[0]);
        BillDefinition small = BillDefinition.validate(BillInput.of("b", List.of("mna"))
                .withModel(BillingModel.VOLUME).withVolumePrices(1e15, 0.02)).get();
        PeriodCalculator underCommit = new PeriodCalculator(small, period, period.to());
        underCommit.add("mna", LinkSamples.ofVolumes(inBytes, outBytes));
        assertThat(underCommit.figures().charge().getAsDouble()).isCloseTo(1e6 * 0.02, within(1e-9));
        assertThat(underCommit.figures().overageBytes()).hasValue(0);
    }

    @Test
    void every_completion_of_an_incomplete_period_ends_between_its_floor_and_ceiling_whatever_the_rule() {
        Random random = new Random(4);
        int checked = 0;
        for (int trial = 0; trial < 400; trial++) {
            BillingRule rule = BillingRule.values()[trial % 3];
            LinkCombination combine = LinkCombination.values()[(trial / 3) % 2];
            int slots = 20 + random.nextInt(41);
            int elapsed = random.nextInt(slots);
            BillingPeriod period = period(slots);
            List<double[][]> links = links(random, 1 + random.nextInt(3), slots);
            BillDefinition bill = bill(rule, combine);
            Instant now = period.from().plusSeconds(300L * elapsed + 1);
            PeriodFigures soFar = compute(bill, period, now, links);
            BillForecast forecast = soFar.forecast().orElseThrow();
            String why = rule + " " + combine + " " + elapsed + "/" + slots;

            double lowest = compute(bill, period, period.to(), completed(links, elapsed, () -> 0)).billedBps()
                    .orElse(0);
            assertThat(lowest).as(why).isCloseTo(forecast.floorBps(), within(1e-6));
            double highest = compute(bill, period, period.to(), completed(links, elapsed, () -> HUGE)).billedBps()
                    .getAsDouble();
            if (forecast.ceilingBps().isPresent()) {
                assertThat(highest).as(why).isCloseTo(forecast.ceilingBps().getAsDouble(), within(1e-6));
            } else {
                assertThat(highest).as(why).isGreaterThanOrEqualTo(HUGE);
            }
            for (int completion = 0; completion < 10; completion++) {
                double bill95 = compute(bill, period, period.to(),
                        completed(links, elapsed, () -> random.nextInt(3000))).billedBps().getAsDouble();
                assertThat(bill95).as(why).isGreaterThanOrEqualTo(forecast.floorBps() - 1e-6);
                if (forecast.ceilingBps().isPresent()) {
                    assertThat(bill95).as(why).isLessThanOrEqualTo(forecast.ceilingBps().getAsDouble() + 1e-6);
                }
            }
            assertThat(forecast.burstSlotsLeft().isPresent()).isEqualTo(combine == LinkCombination.AGGREGATE);
            checked++;
        }
        assertThat(checked).isEqualTo(400);
    }

    @Test
    void an_incomplete_period_is_billed_as_if_it_ended_now() {
        Random random = new Random(5);
        BillingPeriod period = period(600);
        List<double[][]> links = links(random, 1, 600);
        Instant now = period.from().plusSeconds(300 * 250 + 299);

        PeriodFigures soFar = compute(bill(BillingRule.PER_INTERVAL_MAX, LinkCombination.AGGREGATE), period, now,
                links);

        assertThat(soFar.complete()).isFalse();
        assertThat(soFar.elapsedSlots()).isEqualTo(250);
        assertThat(soFar.expectedSlots()).isEqualTo(600);
        TrafficSeries in = TrafficSeries.of(Metric.BITRATE_IN, period.from(), Step.FIVE_MINUTES,
                Arrays.copyOf(links.get(0)[0], 250));
        TrafficSeries out = TrafficSeries.of(Metric.BITRATE_OUT, period.from(), Step.FIVE_MINUTES,
                Arrays.copyOf(links.get(0)[1], 250));
        assertThat(soFar.billedBps())
                .isEqualTo(BillingPercentile.of(in, out, BillingRule.PER_INTERVAL_MAX, 95, MissingPolicy.SKIP));
    }

    @Test
    void the_projection_repeats_each_weekdays_shape() {
        Random random = new Random(6);
        int week = 7 * 288;
        BillingPeriod period = period(2 * week);
        double[] in = new double[2 * week];
        double[] out = new double[2 * week];
        for (int i = 0; i < week; i++) {
            in[i] = random.nextInt(1000);
            out[i] = random.nextInt(1000);
            in[i + week] = in[i];
            out[i + week] = out[i];
        }
        List<double[][]> link = List.<double[][]>of(new double[][] {in, out});
        for (BillingRule rule : BillingRule.values()) {
            BillDefinition bill = bill(rule, LinkCombination.AGGREGATE);
            double whole = compute(bill, period, period.to(), link).billedBps().getAsDouble();

            PeriodFigures afterOneWeek = compute(bill, period, period.from().plusSeconds(300L * week), link);

            assertThat(afterOneWeek.forecast().orElseThrow().projectedBps()).hasValue(whole);
        }
    }

    @Test
    void without_the_weekday_the_projection_takes_the_same_time_of_any_day() {
        int day = 288;
        BillingPeriod period = period(3 * day);
        double[] in = new double[3 * day];
        for (int i = 0; i < in.length; i++) {
            in[i] = (i % day) * 10.0; // the same day three times
        }
        double[] out = new double[3 * day];
        List<double[][]> link = List.<double[][]>of(new double[][] {in, out});
        BillDefinition bill = bill(BillingRule.HIGHER_DIRECTION, LinkCombination.PER_LINK);
        double whole = compute(bill, period, period.to(), link).billedBps().getAsDouble();

        assertThat(compute(bill, period, period.from().plusSeconds(300L * day), link).forecast().orElseThrow()
                .projectedBps()).hasValue(whole);
    }

    @Test
    void a_period_not_yet_begun_has_no_figures_and_an_open_forecast() {
        BillingPeriod period = period(100);
        PeriodFigures figures = compute(bill(BillingRule.SUM, LinkCombination.AGGREGATE), period,
                period.from().minusSeconds(60), links(new Random(7), 2, 100));

        assertThat(figures.billedBps()).isEmpty();
        assertThat(figures.coverage()).isZero();
        assertThat(figures.totalBytes()).isZero();
        assertThat(figures.forecast().orElseThrow().floorBps()).isZero();
        assertThat(figures.forecast().orElseThrow().ceilingBps()).isEmpty();
        assertThat(figures.forecast().orElseThrow().projectedBps()).isEmpty();
    }

    static BillingPeriod period(int slots) {
        return new BillingPeriod("test", MONDAY, MONDAY.plusSeconds(300L * slots));
    }

    static BillDefinition bill(BillingRule rule, LinkCombination combine) {
        return BillDefinition.validate(BillInput.of("b", List.of("l")).withRule(rule).withCombine(combine)).get();
    }

    private static PeriodFigures compute(BillDefinition bill, BillingPeriod period, Instant now,
            List<double[][]> links) {
        PeriodCalculator calculator = new PeriodCalculator(bill, period, now);
        for (int i = 0; i < links.size(); i++) {
            calculator.add("l" + i, LinkSamples.ofBitRates(links.get(i)[0], links.get(i)[1]));
        }
        return calculator.figures();
    }

    /** Random links: small integers with ties, one slot in ten missing in one direction or both. */
    private static List<double[][]> links(Random random, int count, int slots) {
        List<double[][]> links = new ArrayList<>();
        for (int link = 0; link < count; link++) {
            double[] in = new double[slots];
            double[] out = new double[slots];
            for (int i = 0; i < slots; i++) {
                in[i] = random.nextInt(12) == 0 ? Double.NaN : random.nextInt(1000);
                out[i] = random.nextInt(12) == 0 ? Double.NaN : random.nextInt(1000);
            }
            links.add(new double[][] {in, out});
        }
        return links;
    }

    /** The links with every slot from {@code elapsed} on replaced by a present value, in both directions. */
    private static List<double[][]> completed(List<double[][]> links, int elapsed,
            java.util.function.DoubleSupplier value) {
        List<double[][]> completed = new ArrayList<>();
        for (double[][] link : links) {
            double[] in = link[0].clone();
            double[] out = link[1].clone();
            for (int i = elapsed; i < in.length; i++) {
                in[i] = value.getAsDouble();
                out[i] = value.getAsDouble();
            }
            completed.add(new double[][] {in, out});
        }
        return completed;
    }

    private static List<TrafficSeries> series(List<double[][]> links, int direction, BillingPeriod period) {
        return links.stream().map(link -> series(link[direction], period, direction == 0)).toList();
    }

    private static TrafficSeries series(double[] values, BillingPeriod period, boolean in) {
        return TrafficSeries.of(in ? Metric.BITRATE_IN : Metric.BITRATE_OUT, period.from(), Step.FIVE_MINUTES, values);
    }

    private static double bytesOf(double[][] link) {
        double bytes = 0;
        for (double[] direction : link) {
            for (double value : direction) {
                bytes += value == value ? value * 300 / 8 : 0;
            }
        }
        return bytes;
    }
}
