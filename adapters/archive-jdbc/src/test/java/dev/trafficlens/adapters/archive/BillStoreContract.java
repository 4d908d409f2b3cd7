package dev.trafficlens.adapters.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.billing.Bill;
import dev.trafficlens.domain.billing.BillDefinition;
import dev.trafficlens.domain.billing.BillInput;
import dev.trafficlens.domain.billing.BillingModel;
import dev.trafficlens.domain.billing.BillingPeriod;
import dev.trafficlens.domain.billing.ClosedPeriod;
import dev.trafficlens.domain.billing.LinkCombination;
import dev.trafficlens.domain.billing.LinkSamples;
import dev.trafficlens.domain.billing.PeriodCalculator;
import dev.trafficlens.domain.billing.PeriodFigures;
import dev.trafficlens.domain.port.out.BillStore;
import dev.trafficlens.domain.stats.BillingRule;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every BillStore on JDBC does, run against each database by a subclass. */
abstract class BillStoreContract {

    static final Instant CREATED = Instant.parse("2026-11-02T10:15:30.123456Z");
    static final Instant CLOSED = Instant.parse("2026-12-03T00:00:00.654321789Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    abstract ArchiveDatabase database();

    BillStore bills;

    @BeforeEach
    void noBills() {
        database().clear();
        bills = new JdbcBillStore(database().dataSource());
    }

    @Test
    void an_added_bill_reads_back_with_every_field() {
        BillDefinition percentile = definition(BillInput.of("Frankfurt transit ü", List.of("lnk_b", "lnk_a", "lnk_c"))
                .withRule(BillingRule.PER_INTERVAL_MAX).withCombine(LinkCombination.PER_LINK)
                .withPercentilePrices(1e9, 0.45, OptionalDouble.of(0.6)).withCurrency("EUR")
                .withTimeZone("America/New_York").withPeriodStartDay(15));
        BillDefinition volume = definition(BillInput.of("volume", List.of("lnk_m")).withModel(BillingModel.VOLUME)
                .withVolumePrices(5e12, 0.02));

        Bill first = bills.add(percentile, CREATED);
        Bill second = bills.add(volume, CREATED.plusSeconds(1));

        assertThat(first.id()).matches("bil_[a-z2-7]{16}");
        assertThat(first).isEqualTo(new Bill(first.id(), percentile, CREATED));
        assertThat(second.definition()).isEqualTo(volume);
        assertThat(bills.byId(first.id())).contains(first);
        assertThat(bills.all()).containsExactly(first, second);
        assertThat(bills.byId("bil_none")).isEmpty();
    }

    @Test
    void an_update_replaces_the_definition_and_the_link_order() {
        Bill bill = bills.add(definition(BillInput.of("b", List.of("lnk_a", "lnk_b"))), CREATED);
        BillDefinition changed = definition(BillInput.of("renamed", List.of("lnk_c", "lnk_a"))
                .withTimeZone("Asia/Kathmandu"));

        assertThat(bills.update(bill.id(), changed)).contains(new Bill(bill.id(), changed, CREATED));
        assertThat(bills.byId(bill.id()).orElseThrow().definition().links()).containsExactly("lnk_c", "lnk_a");
        assertThat(bills.update("bil_none", changed)).isEmpty();
    }

    @Test
    void a_closed_period_keeps_its_figures_exactly_and_adds_a_revision_only_when_they_differ() {
        Bill bill = bills.add(definition(BillInput.of("b", List.of("lnk_a", "lnk_b"))
                .withPercentilePrices(1e8, 1, OptionalDouble.empty()).withTimeZone("America/New_York")), CREATED);
        PeriodFigures figures = figures(bill.definition(), new Random(1), false);

        ClosedPeriod closed = bills.record(bill.id(), figures, CLOSED).orElseThrow();

        assertThat(closed.period()).isEqualTo("2026-11");
        assertThat(closed.atClose()).isEqualTo(figures);
        assertThat(closed.closedAt()).isEqualTo(Instant.parse("2026-12-03T00:00:00.654321Z"));
        assertThat(closed.revisedSinceClose()).isFalse();
        assertThat(bills.closed(bill.id(), "2026-11")).contains(closed);
        assertThat(bills.record(bill.id(), figures, CLOSED.plusSeconds(60))).contains(closed);

        PeriodFigures revised = figures(bill.definition(), new Random(2), false);
        ClosedPeriod twice = bills.record(bill.id(), revised, CLOSED.plusSeconds(120)).orElseThrow();

        assertThat(twice.revisedSinceClose()).isTrue();
        assertThat(twice.atClose()).isEqualTo(figures);
        assertThat(twice.latest()).isEqualTo(revised);
        assertThat(twice.closedAt()).isEqualTo(closed.closedAt());
        assertThat(bills.closed(bill.id(), "2026-11")).contains(twice);
        assertThat(bills.closed(bill.id(), "2026-10")).isEmpty();
    }

    @Test
    void empty_figures_round_trip_as_empty() {
        Bill bill = bills.add(definition(BillInput.of("v", List.of("lnk_a")).withModel(BillingModel.VOLUME)),
                CREATED);
        PeriodFigures none = figures(bill.definition(), new Random(3), true);

        assertThat(none.billedBps()).isEmpty();
        assertThat(bills.record(bill.id(), none, CLOSED).orElseThrow().atClose()).isEqualTo(none);
    }

    @Test
    void a_period_of_a_thousand_links_is_stored_whole() {
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            links.add("lnk_" + i);
        }
        Bill bill = bills.add(definition(BillInput.of("fleet", links)), CREATED);
        BillingPeriod period = BillingPeriod.of(YearMonth.of(2026, 11), ZoneId.of("UTC"), 1);
        PeriodCalculator calculator = new PeriodCalculator(bill.definition(), period, period.to());
        Random random = new Random(4);
        for (String link : links) {
            double[] in = new double[period.expectedSlots()];
            in[random.nextInt(in.length)] = random.nextInt(1000);
            calculator.add(link, LinkSamples.ofBitRates(in, new double[in.length]));
        }
        PeriodFigures figures = calculator.figures();

        assertThat(bills.record(bill.id(), figures, CLOSED).orElseThrow().atClose()).isEqualTo(figures);
    }

    @Test
    void removing_a_bill_removes_its_closed_periods() {
        Bill bill = bills.add(definition(BillInput.of("b", List.of("lnk_a"))), CREATED);
        bills.record(bill.id(), figures(bill.definition(), new Random(5), false), CLOSED);

        assertThat(bills.remove(bill.id())).isTrue();
        assertThat(bills.remove(bill.id())).isFalse();
        assertThat(bills.closed(bill.id(), "2026-11")).isEmpty();
        assertThat(bills.all()).isEmpty();
        assertThat(bills.record(bill.id(), figures(bill.definition(), new Random(5), false), CLOSED)).isEmpty();
    }

    @Test
    void only_a_complete_period_is_recorded() {
        Bill bill = bills.add(definition(BillInput.of("b", List.of("lnk_a"))), CREATED);
        BillingPeriod period = BillingPeriod.of(YearMonth.of(2026, 11), ZoneId.of("UTC"), 1);
        PeriodCalculator calculator = new PeriodCalculator(bill.definition(), period, period.to().minusSeconds(3600));
        calculator.add("lnk_a", LinkSamples.missing(period.expectedSlots()));

        assertThatThrownBy(() -> bills.record(bill.id(), calculator.figures(), CLOSED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BillDefinition definition(BillInput input) {
        return BillDefinition.validate(input).get();
    }

    /** November 2026 of the bill's links, complete: random rates with gaps, or nothing at all. */
    private static PeriodFigures figures(BillDefinition bill, Random random, boolean empty) {
        BillingPeriod period = bill.period("2026-11").get();
        PeriodCalculator calculator = new PeriodCalculator(bill, period, period.to());
        for (String link : bill.links()) {
            if (empty) {
                calculator.add(link, LinkSamples.missing(period.expectedSlots()));
                continue;
            }
            double[] in = new double[period.expectedSlots()];
            double[] out = new double[period.expectedSlots()];
            for (int i = 0; i < in.length; i++) {
                in[i] = random.nextInt(50) == 0 ? Double.NaN : random.nextDouble() * 1e9;
                out[i] = random.nextDouble() * 1e8;
            }
            calculator.add(link, LinkSamples.ofBitRates(in, out));
        }
        return calculator.figures();
    }
}
