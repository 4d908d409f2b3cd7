package dev.trafficlens.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.billing.Bill;
import dev.trafficlens.domain.billing.BillInput;
import dev.trafficlens.domain.billing.BillPeriod;
import dev.trafficlens.domain.billing.BillingModel;
import dev.trafficlens.domain.billing.ClosedPeriod;
import dev.trafficlens.domain.billing.LinkCombination;
import dev.trafficlens.domain.billing.PeriodFigures;
import dev.trafficlens.domain.fake.InMemoryBillStore;
import dev.trafficlens.domain.fake.InMemoryLinkStore;
import dev.trafficlens.domain.fake.InMemorySampleArchive;
import dev.trafficlens.domain.fake.MovableClock;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.stats.BillingRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BillingServiceTest {

    private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant JANUARY = Instant.parse("2027-01-01T00:00:00Z");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-15T12:02:00Z"));
    private final InMemorySampleArchive archive = new InMemorySampleArchive();
    private final InMemoryLinkStore links = new InMemoryLinkStore();
    private final InMemoryBillStore store = new InMemoryBillStore();
    private final BillingService billing = new BillingService(store, links, archive, clock);
    private final Link zenlayer = add("pc", new ZenlayerPrivateConnect("pc-1"));
    private final Link mna = add("mna", new TencentMnaRegion(1, Optional.of("EU")));

    @Test
    void an_unknown_link_is_not_found_beside_the_input_problems() {
        List<QueryProblem> problems = billing.define(BillInput.of("b", List.of(zenlayer.id(), "lnk_gone"))
                .withPeriodStartDay(31)).getError();

        assertThat(problems).extracting(QueryProblem::field).containsExactlyInAnyOrder("links[1]", "periodStartDay");
        assertThat(problems).filteredOn(problem -> problem.field().equals("links[1]"))
                .extracting(QueryProblem::kind).containsExactly(ErrorKind.NOT_FOUND);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void update_and_remove_name_a_missing_bill() {
        assertThat(billing.update("bil_none", BillInput.of("b", List.of(zenlayer.id()))).getError())
                .extracting(QueryProblem::kind).containsExactly(ErrorKind.NOT_FOUND);
        Bill bill = define(BillInput.of("b", List.of(zenlayer.id())));
        Bill renamed = billing.update(bill.id(), BillInput.of("renamed", List.of(zenlayer.id(), mna.id()))).get();
        assertThat(renamed.definition().links()).containsExactly(zenlayer.id(), mna.id());
        assertThat(billing.bill(bill.id())).contains(renamed);
        assertThat(billing.remove(bill.id())).isTrue();
        assertThat(billing.bills()).isEmpty();
    }

    @Test
    void a_31_day_month_is_billed_from_the_archive_alone() {
        writeBitRates(zenlayer.resource(), DECEMBER, JANUARY, 0);
        Bill bill = define(BillInput.of("b", List.of(zenlayer.id())));
        clock.advance(Duration.ofDays(40));

        PeriodFigures december = billing.period(bill, "2026-12").get().figures();

        assertThat(december.expectedSlots()).isEqualTo(8_928);
        assertThat(december.presentSlots()).isEqualTo(8_928);
        assertThat(december.coverage()).isEqualTo(1.0);
        assertThat(december.rank()).hasValue(8_482);
        assertThat(december.complete()).isTrue();
        assertThat(december.billedBps()).isPresent();
    }

    @Test
    void an_incomplete_period_is_computed_now_with_its_forecast() {
        writeBitRates(zenlayer.resource(), DECEMBER, clock.instant(), 0);
        Bill bill = define(BillInput.of("b", List.of(zenlayer.id())).withPercentilePrices(50e6, 1,
                java.util.OptionalDouble.empty()));

        BillPeriod period = billing.period(bill, "2026-12").get();

        assertThat(period.figures().complete()).isFalse();
        assertThat(period.figures().elapsedSlots()).isEqualTo(14 * 288 + 144);
        assertThat(period.figures().presentSlots()).isEqualTo(14 * 288 + 144);
        assertThat(period.figures().forecast()).isPresent();
        assertThat(period.closedAt()).isEmpty();
        assertThat(period.revisedSinceClose()).isFalse();
        assertThat(billing.period(bill, "2026-14").getError().field()).isEqualTo("period");
    }

    @Test
    void a_period_closes_after_the_grace_is_served_from_the_store_and_keeps_its_revisions() {
        writeBitRates(zenlayer.resource(), DECEMBER, JANUARY, 0);
        Bill bill = define(BillInput.of("b", List.of(zenlayer.id())));
        clock.advance(Duration.ofDays(17)); // 2027-01-01T12:02Z: December ended, its grace has not passed
        assertThat(billing.closeDue()).isEmpty();

        clock.advance(Duration.ofDays(2));
        List<ClosedPeriod> closed = billing.closeDue();

        assertThat(closed).extracting(ClosedPeriod::period).containsExactly("2026-12");
        PeriodFigures atClose = billing.period(bill, "2026-12").get().figures();
        assertThat(billing.closeDue()).isEmpty();

        // A revised sample: the stored figures stay what was billed until a recomputation records the difference.
        writeBitRates(zenlayer.resource(), DECEMBER, JANUARY, 1e9);
        assertThat(billing.period(bill, "2026-12").get().figures()).isEqualTo(atClose);
        Optional<ClosedPeriod> rechecked = billing.recheck(bill, "2026-12");

        assertThat(rechecked.orElseThrow().revisedSinceClose()).isTrue();
        assertThat(rechecked.get().atClose()).isEqualTo(atClose);
        assertThat(rechecked.get().latest().billedBps().getAsDouble())
                .isGreaterThan(atClose.billedBps().getAsDouble());
        BillPeriod served = billing.period(bill, "2026-12").get();
        assertThat(served.revisedSinceClose()).isTrue();
        assertThat(served.closedAt()).contains(Instant.parse("2027-01-03T12:02:00Z"));
        assertThat(served.figures()).isEqualTo(atClose);
        assertThat(billing.recheck(bill, "2026-12").orElseThrow().revisions()).hasSize(2);
        assertThat(billing.recheck(bill, "2026-11")).isEmpty();
    }

    @Test
    void an_unchanged_recomputation_is_no_revision() {
        writeBitRates(zenlayer.resource(), DECEMBER, JANUARY, 0);
        Bill bill = define(BillInput.of("b", List.of(zenlayer.id())));
        clock.advance(Duration.ofDays(30));
        billing.closeDue();

        assertThat(billing.recheck(bill, "2026-12").orElseThrow().revisedSinceClose()).isFalse();
    }

    @Test
    void an_mna_link_bills_its_volume_and_its_derived_bit_rate() {
        int slots = 288;
        double[] inBytes = new double[slots];
        double[] outBytes = new double[slots];
        for (int i = 0; i < slots; i++) {
            inBytes[i] = 1_000_000 + i;
            outBytes[i] = 2_000_000;
        }
        archive.write(mna.resource(), List.of(
                TrafficSeries.of(Metric.VOLUME_IN, DECEMBER, Step.FIVE_MINUTES, inBytes),
                TrafficSeries.of(Metric.VOLUME_OUT, DECEMBER, Step.FIVE_MINUTES, outBytes)));
        Bill volume = define(BillInput.of("v", List.of(mna.id())).withModel(BillingModel.VOLUME)
                .withVolumePrices(0, 1));
        Bill percentile = define(BillInput.of("p", List.of(mna.id())).withRule(BillingRule.SUM));

        PeriodFigures byVolume = billing.period(volume, "2026-12").get().figures();
        PeriodFigures byRate = billing.period(percentile, "2026-12").get().figures();

        double bytes = 0;
        for (int i = 0; i < slots; i++) {
            bytes += inBytes[i] + outBytes[i];
        }
        assertThat(byVolume.totalBytes()).isEqualTo(bytes);
        assertThat(byVolume.charge().getAsDouble()).isEqualTo(bytes / 1e9);
        assertThat(byRate.presentSlots()).isEqualTo(slots);
        assertThat(byRate.billedBps().getAsDouble()).isEqualTo((1_000_000 + 273 + 2_000_000) * 8 / 300.0);
    }

    @Test
    void a_link_removed_after_the_bill_was_defined_counts_as_missing() {
        writeBitRates(zenlayer.resource(), DECEMBER, clock.instant(), 0);
        Bill bill = define(BillInput.of("b", List.of(zenlayer.id(), mna.id())).withCombine(LinkCombination.PER_LINK));
        links.remove(mna.id());

        PeriodFigures figures = billing.period(bill, "2026-12").get().figures();

        assertThat(figures.links()).hasSize(2);
        assertThat(figures.links().get(1).presentSlots()).isZero();
        assertThat(figures.links().get(1).billedBps()).isEmpty();
        assertThat(figures.billedBps()).isEqualTo(figures.links().get(0).billedBps());
        assertThat(figures.presentSlots()).isZero();
    }

    @Test
    void periods_lists_the_last_ones_newest_first_and_checks_its_count() {
        Bill bill = define(BillInput.of("b", List.of(zenlayer.id())).withTimeZone("America/New_York"));

        List<BillPeriod> periods = billing.periods(bill, 3).get();

        assertThat(periods).extracting(period -> period.figures().period().name())
                .containsExactly("2026-12", "2026-11", "2026-10");
        assertThat(periods.get(1).figures().expectedSlots()).isEqualTo(8_652);
        assertThat(billing.periods(bill, 0).getError().field()).isEqualTo("last");
        assertThat(billing.periods(bill, BillingService.MAX_PERIODS + 1).isInvalid()).isTrue();
    }

    private Bill define(BillInput input) {
        return billing.define(input).get();
    }

    private Link add(String name, ResourceRef resource) {
        return links.add(name, resource, Set.of(), Instant.parse("2026-11-01T00:00:00Z")).get();
    }

    /** A sawtooth of bit rates over [from, to) plus {@code offset}, in both directions. */
    private void writeBitRates(ResourceRef resource, Instant from, Instant to, double offset) {
        int slots = (int) (Duration.between(from, Step.FIVE_MINUTES.floor(to)).toSeconds() / 300);
        double[] in = new double[slots];
        double[] out = new double[slots];
        for (int i = 0; i < slots; i++) {
            in[i] = 1e6 * (i % 97) + offset;
            out[i] = 2e6 * (i % 89) + offset;
        }
        archive.write(resource, List.of(TrafficSeries.of(Metric.BITRATE_IN, from, Step.FIVE_MINUTES, in),
                TrafficSeries.of(Metric.BITRATE_OUT, from, Step.FIVE_MINUTES, out)));
    }
}
