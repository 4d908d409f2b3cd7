package dev.trafficlens.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepTest {

    @ParameterizedTest
    @ValueSource(strings = {"1m", "5m", "15m", "30m", "1h", "2h", "1d", "10m", "6h", "12h"})
    void reads_and_writes_the_labels_users_type(String label) {
        assertThat(Step.parse(label).get().label()).isEqualTo(label);
    }

    @Test
    void equal_durations_are_equal_steps_whatever_the_label() {
        assertThat(Step.parse("60m").get()).isEqualTo(Step.ONE_HOUR);
        assertThat(Step.parse("24h").get()).isEqualTo(Step.ONE_DAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5s", "0m", "7m", "2d", "1.5h", "-5m", "5 m", "5M", "100000d"})
    void refuses_anything_else_saying_what_was_expected(String label) {
        assertThat(Step.parse(label).getLeft())
                .contains("expected a step such as 1m, 5m", "got \"" + label + "\"");
    }

    @Test
    void refuses_nothing_with_a_message_too() {
        assertThat(Step.parse(null).getLeft()).contains("got nothing");
    }

    @Test
    void floors_and_ceils_to_the_utc_grid() {
        Instant time = Instant.parse("2026-03-04T10:07:30Z");
        assertThat(Step.FIVE_MINUTES.floor(time)).isEqualTo(Instant.parse("2026-03-04T10:05:00Z"));
        assertThat(Step.FIVE_MINUTES.ceil(time)).isEqualTo(Instant.parse("2026-03-04T10:10:00Z"));
        assertThat(Step.ONE_DAY.floor(time)).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
        assertThat(Step.ONE_HOUR.ceil(Instant.parse("2026-03-04T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));
        assertThat(Step.FIVE_MINUTES.floor(Instant.parse("1969-12-31T23:57:00Z")))
                .isEqualTo(Instant.parse("1969-12-31T23:55:00Z"));
    }

    @Test
    void a_step_must_divide_a_day_in_whole_minutes() {
        assertThatThrownBy(() -> Step.ofMinutes(7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("divide a day");
    }
}
