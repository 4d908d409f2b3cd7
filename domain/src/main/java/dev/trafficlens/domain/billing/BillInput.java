package dev.trafficlens.domain.billing;

import dev.trafficlens.domain.stats.BillingRule;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A bill as a caller states it, before {@link BillDefinition#validate} checks it: every optional field may be left
 * out and then takes its default (PERCENTILE_95, HIGHER_DIRECTION, AGGREGATE, USD, UTC, day 1). A null anywhere is
 * reported as a problem of that field, never thrown.
 */
public record BillInput(
        String name,
        List<String> links,
        Optional<BillingModel> model,
        Optional<BillingRule> rule,
        Optional<LinkCombination> combine,
        OptionalDouble commitBps,
        OptionalDouble pricePerMbps,
        OptionalDouble overagePricePerMbps,
        OptionalDouble commitBytes,
        OptionalDouble pricePerGB,
        Optional<String> currency,
        Optional<String> timeZone,
        Optional<Integer> periodStartDay) {

    /** A bill of {@code links} with every optional field at its default. */
    public static BillInput of(String name, List<String> links) {
        return new BillInput(name, links, Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public BillInput withModel(BillingModel value) {
        return new BillInput(name, links, Optional.of(value), rule, combine, commitBps, pricePerMbps,
                overagePricePerMbps, commitBytes, pricePerGB, currency, timeZone, periodStartDay);
    }

    public BillInput withRule(BillingRule value) {
        return new BillInput(name, links, model, Optional.of(value), combine, commitBps, pricePerMbps,
                overagePricePerMbps, commitBytes, pricePerGB, currency, timeZone, periodStartDay);
    }

    public BillInput withCombine(LinkCombination value) {
        return new BillInput(name, links, model, rule, Optional.of(value), commitBps, pricePerMbps,
                overagePricePerMbps, commitBytes, pricePerGB, currency, timeZone, periodStartDay);
    }

    /** The percentile model's commit and prices; an empty overage price means the price. */
    public BillInput withPercentilePrices(double commit, double price, OptionalDouble overagePrice) {
        return new BillInput(name, links, model, rule, combine, OptionalDouble.of(commit), OptionalDouble.of(price),
                overagePrice, commitBytes, pricePerGB, currency, timeZone, periodStartDay);
    }

    /** The volume model's commit and price. */
    public BillInput withVolumePrices(double commit, double price) {
        return new BillInput(name, links, model, rule, combine, commitBps, pricePerMbps, overagePricePerMbps,
                OptionalDouble.of(commit), OptionalDouble.of(price), currency, timeZone, periodStartDay);
    }

    public BillInput withCurrency(String value) {
        return new BillInput(name, links, model, rule, combine, commitBps, pricePerMbps, overagePricePerMbps,
                commitBytes, pricePerGB, Optional.of(value), timeZone, periodStartDay);
    }

    public BillInput withTimeZone(String value) {
        return new BillInput(name, links, model, rule, combine, commitBps, pricePerMbps, overagePricePerMbps,
                commitBytes, pricePerGB, currency, Optional.of(value), periodStartDay);
    }

    public BillInput withPeriodStartDay(int value) {
        return new BillInput(name, links, model, rule, combine, commitBps, pricePerMbps, overagePricePerMbps,
                commitBytes, pricePerGB, currency, timeZone, Optional.of(value));
    }
}
