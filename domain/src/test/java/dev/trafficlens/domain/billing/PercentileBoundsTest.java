package dev.trafficlens.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.stats.PercentileMethod;
import dev.trafficlens.domain.stats.Percentiles;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bounds against brute force. The bill at the end is the nearest-rank p95 of the observed samples and the slots
 * to come; it never falls when a value to come rises (raising one sample never lowers any order statistic), so over
 * non-negative completions its least value is reached by every slot to come at 0 and its greatest by every slot at
 * a value above all observed ones. The tests check that monotonicity too, rather than trusting it.
 */
class PercentileBoundsTest {

    private static final double HUGE = 1e15;

    @Test
    void every_completion_ends_between_floor_and_ceiling_and_the_extreme_completions_reach_both() {
        Random random = new Random(14);
        for (int trial = 0; trial < 3_000; trial++) {
            int slots = 20 + random.nextInt(41);
            int observed = random.nextInt(slots + 1);
            double[] values = observed(random, observed);
            int toCome = slots - observed;
            if (toCome == 0 && Arrays.stream(values).allMatch(Double::isNaN)) {
                continue; // nothing to bill
            }
            PercentileBounds bounds = PercentileBounds.of(values, observed, toCome, 10);
            String why = Arrays.toString(values) + " then " + toCome + " to come";

            assertThat(bill(values, constant(toCome, 0))).as(why).isEqualTo(bounds.floor());
            double highest = bill(values, constant(toCome, HUGE));
            if (bounds.ceiling().isPresent()) {
                assertThat(highest).as(why).isEqualTo(bounds.ceiling().getAsDouble());
            } else {
                assertThat(highest).as("no ceiling: the slots to come alone set the bill, " + why).isEqualTo(HUGE);
            }
            for (int completion = 0; completion < 30; completion++) {
                double[] rest = new double[toCome];
                Arrays.setAll(rest, i -> random.nextInt(4) == 0 ? random.nextDouble() * 1e6 : random.nextInt(25));
                double bill = bill(values, rest);
                assertThat(bill).as(why).isGreaterThanOrEqualTo(bounds.floor());
                if (bounds.ceiling().isPresent()) {
                    assertThat(bill).as(why).isLessThanOrEqualTo(bounds.ceiling().getAsDouble());
                }
            }
        }
    }

    @Test
    void raising_a_slot_to_come_never_lowers_the_bill() {
        Random random = new Random(95);
        for (int trial = 0; trial < 2_000; trial++) {
            int slots = 20 + random.nextInt(41);
            int observed = random.nextInt(slots);
            double[] values = observed(random, observed);
            double[] rest = new double[slots - observed];
            Arrays.setAll(rest, i -> random.nextInt(30));
            double before = bill(values, rest);
            rest[random.nextInt(rest.length)] += 1 + random.nextInt(30);

            assertThat(bill(values, rest)).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void burst_slots_left_is_exactly_how_many_more_slots_may_exceed_the_commit() {
        Random random = new Random(433);
        double commit = 22;
        int checked = 0;
        for (int trial = 0; trial < 3_000; trial++) {
            int slots = 20 + random.nextInt(41);
            int observed = random.nextInt(slots + 1);
            double[] values = observed(random, observed);
            int toCome = slots - observed;
            PercentileBounds bounds = PercentileBounds.of(values, observed, toCome, commit);
            int burst = bounds.burstSlotsLeft();
            if (bounds.aboveCommit() > bounds.m() - 1 || burst + 1 > toCome) {
                continue; // already above the commit, or too few slots left to cross it
            }
            checked++;
            assertThat(bill(values, bursts(toCome, burst, commit))).isLessThanOrEqualTo(commit);
            assertThat(bill(values, bursts(toCome, burst + 1, commit))).isGreaterThan(commit);
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    @Test
    void a_complete_period_has_floor_and_ceiling_at_its_bill() {
        Random random = new Random(8640);
        for (int trial = 0; trial < 500; trial++) {
            double[] values = observed(random, 20 + random.nextInt(41));
            if (Arrays.stream(values).allMatch(Double::isNaN)) {
                continue;
            }
            PercentileBounds bounds = PercentileBounds.of(values, values.length, 0, 0);

            assertThat(bounds.floor()).isEqualTo(bill(values, new double[0]));
            assertThat(bounds.ceiling()).hasValue(bill(values, new double[0]));
        }
    }

    @Test
    void the_issues_example_rank_at_8640_slots() {
        assertThat(PercentileBounds.of(new double[0], 0, 8_640, 0).m()).isEqualTo(433);
        assertThat(PercentileBounds.of(new double[0], 0, 8_640, 0).ceiling()).isEmpty();
    }

    /** Observed samples: small integers (many ties), now and then a gap. */
    private static double[] observed(Random random, int count) {
        double[] values = new double[count];
        Arrays.setAll(values, i -> random.nextInt(10) == 0 ? Double.NaN : random.nextInt(25));
        return values;
    }

    private static double[] constant(int count, double value) {
        double[] values = new double[count];
        Arrays.fill(values, value);
        return values;
    }

    private static double[] bursts(int count, int above, double commit) {
        double[] values = new double[count];
        for (int i = 0; i < above; i++) {
            values[i] = commit + 1;
        }
        return values;
    }

    /** The brute-force bill: sort the samples present, take the nearest rank. */
    private static double bill(double[] observed, double[] rest) {
        double[] all = Arrays.copyOf(observed, observed.length + rest.length);
        System.arraycopy(rest, 0, all, observed.length, rest.length);
        double[] present = Arrays.stream(all).filter(value -> !Double.isNaN(value)).sorted().toArray();
        int rank = (int) Math.ceil(0.95 * present.length - 1e-9);
        double byRank = present[Math.max(1, rank) - 1];
        assertThat(Percentiles.of(all, PercentileMethod.NEAREST_RANK, 95)[0]).isEqualTo(byRank);
        return byRank;
    }
}
