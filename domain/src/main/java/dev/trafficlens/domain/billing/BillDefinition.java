package dev.trafficlens.domain.billing;

import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.stats.BillingRule;
import io.vavr.control.Validation;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A bill: which links it charges for, how (model, rule of combining in and out, combination of links), at what
 * commit and prices, and in which time zone and on which day its periods start (docs/billing.md). Prices are per
 * period: {@code pricePerMbps} per 10⁶ bit/s, {@code pricePerGB} per 10⁹ bytes. A percentile bill carries only the
 * percentile fields ({@code commitBps}, {@code pricePerMbps}, {@code overagePricePerMbps}), a volume bill only the
 * volume ones ({@code commitBytes}, {@code pricePerGB}); an absent price means the bill has no charge, an absent
 * commit a commit of 0. {@link #validate} reports every problem at once; the constructor refuses the same.
 */
public record BillDefinition(
        String name,
        List<String> links,
        BillingModel model,
        BillingRule rule,
        LinkCombination combine,
        OptionalDouble commitBps,
        OptionalDouble pricePerMbps,
        OptionalDouble overagePricePerMbps,
        OptionalDouble commitBytes,
        OptionalDouble pricePerGB,
        String currency,
        ZoneId timeZone,
        int periodStartDay) {

    public static final int MAX_NAME_LENGTH = 512;
    /** More links than a bill's one period can be computed for within the performance goal (docs/billing.md). */
    public static final int MAX_LINKS = 10_000;
    public static final int LAST_PERIOD_START_DAY = 28;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public BillDefinition {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(combine, "combine");
        Objects.requireNonNull(timeZone, "timeZone");
        List<QueryProblem> problems = new ArrayList<>();
        checkName(name, problems);
        checkLinks(links, problems);
        checkPrices(model, commitBps, pricePerMbps, overagePricePerMbps, commitBytes, pricePerGB, problems);
        checkCurrency(Optional.ofNullable(currency), problems);
        checkDay(Optional.of(periodStartDay), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("BillDefinition: "
                    + problems.stream().map(QueryProblem::toString).collect(Collectors.joining("; ")));
        }
        links = List.copyOf(links);
    }

    /** {@code input} with its defaults filled in, or every problem with it, each naming its field. */
    public static Validation<List<QueryProblem>, BillDefinition> validate(BillInput input) {
        if (input == null) {
            return Validation.invalid(List.of(QueryProblem.invalid("", "expected a bill")));
        }
        List<QueryProblem> problems = new ArrayList<>();
        checkName(input.name(), problems);
        checkLinks(input.links(), problems);
        BillingModel model = present("model", input.model(), BillingModel.PERCENTILE_95, problems);
        BillingRule rule = present("rule", input.rule(), BillingRule.HIGHER_DIRECTION, problems);
        LinkCombination combine = present("combine", input.combine(), LinkCombination.AGGREGATE, problems);
        checkPrices(model, input.commitBps(), input.pricePerMbps(), input.overagePricePerMbps(), input.commitBytes(),
                input.pricePerGB(), problems);
        String currency = present("currency", input.currency(), "USD", problems);
        checkCurrency(Optional.ofNullable(currency), problems);
        ZoneId zone = zone(present("timeZone", input.timeZone(), "UTC", problems), problems);
        Integer day = present("periodStartDay", input.periodStartDay(), 1, problems);
        checkDay(Optional.ofNullable(day), problems);
        if (!problems.isEmpty()) {
            return Validation.invalid(List.copyOf(problems));
        }
        return Validation.valid(new BillDefinition(input.name(), input.links(), model, rule, combine,
                input.commitBps(), input.pricePerMbps(), input.overagePricePerMbps(), input.commitBytes(),
                input.pricePerGB(), currency, zone, day));
    }

    /** The price of overage per 10⁶ bit/s: the one given, else {@link #pricePerMbps}. */
    public OptionalDouble effectiveOveragePricePerMbps() {
        return overagePricePerMbps.isPresent() ? overagePricePerMbps : pricePerMbps;
    }

    /** The period of this bill named {@code name} ({@code "2026-11"}), or why that name is no period. */
    public Validation<QueryProblem, BillingPeriod> period(String name) {
        return BillingPeriod.parse(name, timeZone, periodStartDay);
    }

    private static <T> T present(String field, Optional<T> value, T otherwise, List<QueryProblem> problems) {
        if (value == null) {
            problems.add(QueryProblem.invalid(field, "expected a value or Optional.empty()"));
            return null;
        }
        return value.orElse(otherwise);
    }

    private static void checkName(String name, List<QueryProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(QueryProblem.invalid("name", "expected a non-empty name"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add(QueryProblem.invalid("name", "expected at most " + MAX_NAME_LENGTH + " characters, got "
                    + name.length()));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.add(QueryProblem.invalid("name", "expected no control characters"));
        }
    }

    private static void checkLinks(List<String> links, List<QueryProblem> problems) {
        if (links == null || links.isEmpty()) {
            problems.add(QueryProblem.invalid("links", "expected at least one link id"));
            return;
        }
        if (links.size() > MAX_LINKS) {
            problems.add(QueryProblem.invalid("links", "expected at most " + MAX_LINKS + " links, got "
                    + links.size()));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < links.size(); i++) {
            String id = links.get(i);
            String field = "links[" + i + "]";
            if (id == null || id.isBlank()) {
                problems.add(QueryProblem.invalid(field, "expected a link id"));
                continue;
            }
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                problems.add(QueryProblem.invalid(field, "expected each link once, got \"" + id
                        + "\" again (links[" + first + "])"));
            }
        }
    }

    private static void checkPrices(BillingModel model, OptionalDouble commitBps, OptionalDouble pricePerMbps,
            OptionalDouble overagePricePerMbps, OptionalDouble commitBytes, OptionalDouble pricePerGB,
            List<QueryProblem> problems) {
        checkAmount("commitBps", commitBps, problems);
        checkAmount("pricePerMbps", pricePerMbps, problems);
        checkAmount("overagePricePerMbps", overagePricePerMbps, problems);
        checkAmount("commitBytes", commitBytes, problems);
        checkAmount("pricePerGB", pricePerGB, problems);
        if (model == BillingModel.PERCENTILE_95) {
            notOn(model, "commitBytes", commitBytes, "commitBps", problems);
            notOn(model, "pricePerGB", pricePerGB, "pricePerMbps", problems);
            if (overagePricePerMbps != null && overagePricePerMbps.isPresent()
                    && pricePerMbps != null && pricePerMbps.isEmpty()) {
                problems.add(QueryProblem.invalid("pricePerMbps",
                        "expected the price of the commit when overagePricePerMbps is given"));
            }
        } else if (model == BillingModel.VOLUME) {
            notOn(model, "commitBps", commitBps, "commitBytes", problems);
            notOn(model, "pricePerMbps", pricePerMbps, "pricePerGB", problems);
            notOn(model, "overagePricePerMbps", overagePricePerMbps, "pricePerGB", problems);
        }
    }

    private static void checkAmount(String field, OptionalDouble value, List<QueryProblem> problems) {
        if (value == null) {
            problems.add(QueryProblem.invalid(field, "expected a value or OptionalDouble.empty()"));
        } else if (value.isPresent() && !(value.getAsDouble() >= 0 && Double.isFinite(value.getAsDouble()))) {
            problems.add(QueryProblem.invalid(field, "expected a finite number of at least 0, got "
                    + value.getAsDouble()));
        }
    }

    private static void notOn(BillingModel model, String field, OptionalDouble value, String instead,
            List<QueryProblem> problems) {
        if (value != null && value.isPresent()) {
            problems.add(QueryProblem.invalid(field, "a " + model + " bill has no " + field + " (use " + instead
                    + ")"));
        }
    }

    private static void checkCurrency(Optional<String> currency, List<QueryProblem> problems) {
        currency.filter(code -> !CURRENCY.matcher(code).matches()).ifPresent(code -> problems.add(
                QueryProblem.invalid("currency", "expected three capital letters (ISO 4217, such as USD), got \""
                        + code + "\"")));
    }

    private static ZoneId zone(String id, List<QueryProblem> problems) {
        if (id == null) {
            return null;
        }
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            problems.add(QueryProblem.invalid("timeZone", "expected an IANA time zone such as Europe/Berlin or UTC, "
                    + "got \"" + id + "\""));
            return null;
        }
        return ZoneId.of(id);
    }

    private static void checkDay(Optional<Integer> day, List<QueryProblem> problems) {
        day.filter(value -> value < 1 || value > LAST_PERIOD_START_DAY).ifPresent(value -> problems.add(
                QueryProblem.invalid("periodStartDay", "expected a day from 1 to " + LAST_PERIOD_START_DAY
                        + " (every month has it), got " + value)));
    }
}
