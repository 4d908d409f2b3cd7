package dev.trafficlens.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.QueryProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BillingPeriodTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void november_2026_in_new_york_has_the_hour_daylight_saving_gives_back() {
        BillingPeriod november = BillingPeriod.parse("2026-11", NEW_YORK, 1).get();

        assertThat(november.from()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(november.to()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(november.expectedSlots()).isEqualTo(8_652);
    }

    @Test
    void march_2026_in_new_york_lacks_the_hour_daylight_saving_takes() {
        assertThat(BillingPeriod.of(YearMonth.of(2026, 3), NEW_YORK, 1).expectedSlots()).isEqualTo(31 * 288 - 12);
        assertThat(BillingPeriod.of(YearMonth.of(2026, 11), UTC, 1).expectedSlots()).isEqualTo(8_640);
    }

    @Test
    void a_period_starts_on_its_day_at_local_midnight() {
        BillingPeriod period = BillingPeriod.of(YearMonth.of(2026, 11), ZoneId.of("Europe/Berlin"), 15);

        assertThat(period.name()).isEqualTo("2026-11");
        assertThat(period.from()).isEqualTo(Instant.parse("2026-11-14T23:00:00Z"));
        assertThat(period.to()).isEqualTo(Instant.parse("2026-12-14T23:00:00Z"));
    }

    @Test
    void where_midnight_does_not_exist_the_period_starts_at_the_first_hour_of_the_day() {
        // Santiago moved its clocks from 00:00 to 01:00 on 2026-09-06.
        ZoneId santiago = ZoneId.of("America/Santiago");
        BillingPeriod period = BillingPeriod.of(YearMonth.of(2026, 9), santiago, 6);

        assertThat(period.from().atZone(santiago).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 9, 6));
        assertThat(period.from().atZone(santiago).toLocalTime()).isEqualTo(java.time.LocalTime.of(1, 0));
        assertThat(period.from()).isEqualTo(Instant.parse("2026-09-06T04:00:00Z"));
    }

    @Test
    void malformed_names_say_what_was_expected() {
        assertThat(problem("2026-13")).contains("01 to 12").contains("13");
        assertThat(problem("2026-1")).contains("YYYY-MM").contains("\"2026-1\"");
        assertThat(problem("November")).contains("YYYY-MM");
        assertThat(problem("1969-12")).contains("1970");
        assertThat(problem(null)).contains("got nothing");
        assertThat(BillingPeriod.parse("2026-13", UTC, 1).getError().field()).isEqualTo("period");
    }

    @Test
    void containing_and_last_agree_with_the_boundaries_in_random_zones() {
        Random random = new Random(20261207);
        List<String> zones = ZoneId.getAvailableZoneIds().stream().sorted().toList();
        for (int trial = 0; trial < 500; trial++) {
            ZoneId zone = ZoneId.of(zones.get(random.nextInt(zones.size())));
            int day = 1 + random.nextInt(28);
            Instant instant = Instant.parse("2020-01-01T00:00:00Z")
                    .plusSeconds((long) (random.nextDouble() * Duration.ofDays(3650).toSeconds()));
            BillingPeriod period;
            try {
                period = BillingPeriod.containing(instant, zone, day);
            } catch (IllegalArgumentException offTheGrid) {
                continue; // a zone whose offset that year was not a whole number of 5 minutes
            }
            assertThat(period.window().contains(instant)).as("%s in %s day %d", instant, zone, day).isTrue();
            List<BillingPeriod> last = BillingPeriod.last(3, instant, zone, day);
            assertThat(last.get(0)).isEqualTo(period);
            assertThat(last.get(1).to()).isEqualTo(period.from());
            assertThat(last.get(2).to()).isEqualTo(last.get(1).from());
            assertThat(BillingPeriod.containing(period.from(), zone, day)).isEqualTo(period);
            assertThat(BillingPeriod.containing(period.to().minusSeconds(1), zone, day)).isEqualTo(period);
        }
    }

    @Test
    void elapsed_slots_count_the_whole_five_minutes_passed() {
        BillingPeriod november = BillingPeriod.of(YearMonth.of(2026, 11), UTC, 1);

        assertThat(november.elapsedSlotsAt(november.from().minusSeconds(1))).isZero();
        assertThat(november.elapsedSlotsAt(november.from().plusSeconds(599))).isEqualTo(1);
        assertThat(november.elapsedSlotsAt(november.to())).isEqualTo(8_640);
        assertThat(november.completeAt(november.to().minusNanos(1))).isFalse();
        assertThat(november.completeAt(november.to())).isTrue();
    }

    private static String problem(String name) {
        QueryProblem problem = BillingPeriod.parse(name, UTC, 1).getError();
        return problem.message();
    }
}
