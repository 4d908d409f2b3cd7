package dev.trafficlens.domain.billing;

import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import io.vavr.control.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One billing period: {@code name} ({@code "2026-11"}) is the period that starts on the bill's start day of that month
 * at local midnight in the bill's zone and ends where the next one starts. {@code from} and {@code to} are those
 * local boundaries as instants, so a period with a daylight-saving change is an hour longer or shorter (America/New_York,
 * November 2026: 8,652 five-minute slots).
 */
public record BillingPeriod(String name, Instant from, Instant to) {

    /** Years a period may name: the JDK's zone rules are meaningful there, and four digits keep names sortable. */
    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 9999;
    private static final Step SLOT = Step.FIVE_MINUTES;
    private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{2})");

    public BillingPeriod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to) || !SLOT.isAligned(from) || !SLOT.isAligned(to)) {
            throw new IllegalArgumentException("BillingPeriod: expected from before to, both on the 5-minute UTC grid, "
                    + "got " + from + " to " + to);
        }
    }

    /** The period of {@code month} for a bill in {@code zone} whose periods start on {@code startDay}. */
    public static BillingPeriod of(YearMonth month, ZoneId zone, int startDay) {
        Instant from = start(month, zone, startDay);
        Instant to = start(month.plusMonths(1), zone, startDay);
        return new BillingPeriod(month.toString(), from, to);
    }

    /**
     * The period named {@code text}, {@code YYYY-MM}, or why that is no period: a malformed name, a month out of
     * 01-12, a year out of range, or (in a zone whose offset is not a multiple of 5 minutes) boundaries off the
     * 5-minute grid.
     */
    public static Validation<QueryProblem, BillingPeriod> parse(String text, ZoneId zone, int startDay) {
        if (text == null) {
            return Validation.invalid(QueryProblem.invalid("period", "expected a month such as 2026-11, got nothing"));
        }
        Matcher matcher = NAME.matcher(text);
        if (!matcher.matches()) {
            return Validation.invalid(QueryProblem.invalid("period",
                    "expected a month as YYYY-MM such as 2026-11, got \"" + text + "\""));
        }
        int year = Integer.parseInt(matcher.group(1));
        int month = Integer.parseInt(matcher.group(2));
        if (month < 1 || month > 12) {
            return Validation.invalid(QueryProblem.invalid("period",
                    "expected a month from 01 to 12, got " + matcher.group(2) + " in \"" + text + "\""));
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return Validation.invalid(QueryProblem.invalid("period",
                    "expected a year from " + FIRST_YEAR + " to " + LAST_YEAR + ", got " + year));
        }
        Instant from = start(YearMonth.of(year, month), zone, startDay);
        Instant to = start(YearMonth.of(year, month).plusMonths(1), zone, startDay);
        if (!SLOT.isAligned(from) || !SLOT.isAligned(to)) {
            return Validation.invalid(QueryProblem.invalid("period", "the period " + text + " in " + zone
                    + " starts at " + from + ", off the 5-minute grid the samples lie on"));
        }
        return Validation.valid(new BillingPeriod(text, from, to));
    }

    /** The period, in {@code zone} with periods starting on {@code startDay}, that holds {@code instant}. */
    public static BillingPeriod containing(Instant instant, ZoneId zone, int startDay) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        YearMonth month = YearMonth.from(date);
        // The period starts at the first instant of its start day, so every instant of that local date belongs to it.
        return of(date.getDayOfMonth() >= startDay ? month : month.minusMonths(1), zone, startDay);
    }

    /** The {@code count} periods up to and including the one holding {@code now}, newest first. */
    public static List<BillingPeriod> last(int count, Instant now, ZoneId zone, int startDay) {
        if (count < 0) {
            throw new IllegalArgumentException("count: expected at least 0, got " + count);
        }
        YearMonth newest = YearMonth.parse(containing(now, zone, startDay).name());
        List<BillingPeriod> periods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            periods.add(of(newest.minusMonths(i), zone, startDay));
        }
        return periods;
    }

    public TimeWindow window() {
        return new TimeWindow(from, to);
    }

    /** The period's 5-minute slots. */
    public int expectedSlots() {
        return window().sampleCount(SLOT);
    }

    /** Whether the period's end has passed at {@code now}. */
    public boolean completeAt(Instant now) {
        return !now.isBefore(to);
    }

    /** The slots whose 5 minutes have wholly passed at {@code now}: 0 before the period, all of them after it. */
    public int elapsedSlotsAt(Instant now) {
        if (!now.isAfter(from)) {
            return 0;
        }
        if (completeAt(now)) {
            return expectedSlots();
        }
        return (int) ((now.getEpochSecond() - from.getEpochSecond()) / SLOT.seconds());
    }

    private static Instant start(YearMonth month, ZoneId zone, int startDay) {
        // atStartOfDay, not atTime(MIDNIGHT): where a daylight-saving change skips midnight the day starts at 01:00.
        return month.atDay(startDay).atStartOfDay(zone).toInstant();
    }
}
