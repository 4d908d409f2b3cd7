package dev.trafficlens.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.stats.BillingRule;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BillDefinitionTest {

    private static final BillInput TWO_LINKS = BillInput.of("Frankfurt transit", List.of("lnk_a", "lnk_b"));

    @Test
    void an_input_with_only_name_and_links_takes_every_default() {
        BillDefinition bill = BillDefinition.validate(TWO_LINKS).get();

        assertThat(bill.model()).isEqualTo(BillingModel.PERCENTILE_95);
        assertThat(bill.rule()).isEqualTo(BillingRule.HIGHER_DIRECTION);
        assertThat(bill.combine()).isEqualTo(LinkCombination.AGGREGATE);
        assertThat(bill.currency()).isEqualTo("USD");
        assertThat(bill.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(bill.periodStartDay()).isEqualTo(1);
        assertThat(bill.links()).containsExactly("lnk_a", "lnk_b");
        assertThat(bill.commitBps()).isEmpty();
        assertThat(bill.effectiveOveragePricePerMbps()).isEmpty();
    }

    @Test
    void the_overage_price_defaults_to_the_price() {
        BillDefinition same = BillDefinition.validate(TWO_LINKS.withPercentilePrices(1e9, 0.5, OptionalDouble.empty()))
                .get();
        BillDefinition own = BillDefinition.validate(TWO_LINKS.withPercentilePrices(1e9, 0.5, OptionalDouble.of(0.8)))
                .get();

        assertThat(same.effectiveOveragePricePerMbps()).hasValue(0.5);
        assertThat(own.effectiveOveragePricePerMbps()).hasValue(0.8);
        assertThat(own.overagePricePerMbps()).hasValue(0.8);
    }

    @Test
    void every_problem_is_reported_at_once_each_with_its_field() {
        BillInput bad = new BillInput(" ", List.of("lnk_a", "", "lnk_a"), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalDouble.of(-1), OptionalDouble.of(Double.NaN), OptionalDouble.empty(),
                OptionalDouble.of(5e9), OptionalDouble.of(0.01), Optional.of("usd"), Optional.of("Mars/Olympus"),
                Optional.of(29));

        List<QueryProblem> problems = BillDefinition.validate(bad).getError();

        assertThat(problems).extracting(QueryProblem::field).containsExactlyInAnyOrder(
                "name", "links[1]", "links[2]", "commitBps", "pricePerMbps", "commitBytes", "pricePerGB", "currency",
                "timeZone", "periodStartDay");
        assertThat(problems).allMatch(problem -> problem.kind() == ErrorKind.INVALID_QUERY);
        assertThat(message(problems, "links[2]")).contains("\"lnk_a\"").contains("links[0]");
        assertThat(message(problems, "timeZone")).contains("IANA").contains("Mars/Olympus");
        assertThat(message(problems, "periodStartDay")).contains("1 to 28").contains("29");
        assertThat(message(problems, "commitBytes")).contains("PERCENTILE_95").contains("commitBps");
        assertThat(message(problems, "pricePerGB")).contains("pricePerMbps");
        assertThat(message(problems, "commitBps")).contains("-1");
        assertThat(message(problems, "currency")).contains("\"usd\"");
    }

    @Test
    void a_volume_bill_refuses_the_percentile_fields() {
        BillInput volume = TWO_LINKS.withModel(BillingModel.VOLUME)
                .withPercentilePrices(1e9, 0.5, OptionalDouble.of(0.7));

        assertThat(BillDefinition.validate(volume).getError()).extracting(QueryProblem::field)
                .containsExactlyInAnyOrder("commitBps", "pricePerMbps", "overagePricePerMbps");
        assertThat(BillDefinition.validate(TWO_LINKS.withModel(BillingModel.VOLUME).withVolumePrices(1e12, 0.02))
                .get().pricePerGB()).hasValue(0.02);
    }

    @Test
    void an_overage_price_needs_the_price_of_the_commit() {
        BillInput overageOnly = new BillInput("b", List.of("l"), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(1), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(BillDefinition.validate(overageOnly).getError()).extracting(QueryProblem::field)
                .containsExactly("pricePerMbps");
    }

    @Test
    void no_links_nulls_and_the_day_bounds() {
        assertThat(fields(BillInput.of("b", List.of()))).containsExactly("links");
        assertThat(fields(BillInput.of(null, null))).containsExactlyInAnyOrder("name", "links");
        assertThat(fields(new BillInput("b", List.of("l"), null, null, null, null, null, null, null, null, null, null,
                null))).containsExactlyInAnyOrder("model", "rule", "combine", "commitBps", "pricePerMbps",
                "overagePricePerMbps", "commitBytes", "pricePerGB", "currency", "timeZone", "periodStartDay");
        assertThat(fields(TWO_LINKS.withPeriodStartDay(0))).containsExactly("periodStartDay");
        assertThat(BillDefinition.validate(TWO_LINKS.withPeriodStartDay(28)).isValid()).isTrue();
        assertThat(BillDefinition.validate(TWO_LINKS.withTimeZone("America/New_York")).get().timeZone())
                .isEqualTo(ZoneId.of("America/New_York"));
        String[] many = new String[BillDefinition.MAX_LINKS + 1];
        Arrays.setAll(many, i -> "lnk_" + i);
        assertThat(fields(BillInput.of("b", List.of(many)))).containsExactly("links");
    }

    @Test
    void the_constructor_refuses_what_validate_reports() {
        assertThatThrownBy(() -> new BillDefinition("b", List.of("l", "l"), BillingModel.VOLUME,
                BillingRule.SUM, LinkCombination.AGGREGATE, OptionalDouble.of(1), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), "EUR", ZoneId.of("UTC"), 31))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("links[1]").hasMessageContaining("commitBps")
                .hasMessageContaining("periodStartDay");
    }

    private static List<String> fields(BillInput input) {
        return BillDefinition.validate(input).getError().stream().map(QueryProblem::field).toList();
    }

    private static String message(List<QueryProblem> problems, String field) {
        return problems.stream().filter(problem -> problem.field().equals(field)).findFirst().orElseThrow().message();
    }
}
