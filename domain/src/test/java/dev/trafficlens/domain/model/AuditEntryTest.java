package dev.trafficlens.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-12-07T02:00:00Z");

    @Test
    void an_entry_without_a_target_is_valid_and_keeps_its_fields() {
        AuditEntry entry = new AuditEntry(AT, "ops-bot", "collect", null, AuditEntry.OK);

        assertThat(entry.target()).isNull();
        assertThat(entry.actor()).isEqualTo("ops-bot");
    }

    @Test
    void blank_actor_action_and_outcome_are_each_named() {
        assertThatThrownBy(() -> new AuditEntry(AT, " ", "", "lnk_1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actor").hasMessageContaining("action").hasMessageContaining("outcome")
                .hasMessageNotContaining("target");
    }

    @Test
    void each_field_is_held_to_its_column_length() {
        String actor = "a".repeat(AuditEntry.MAX_ACTOR_LENGTH);
        String target = "t".repeat(AuditEntry.MAX_TARGET_LENGTH);
        assertThat(new AuditEntry(AT, actor, "addLink", target, "NOT_FOUND").target()).hasSize(2000);

        assertThatThrownBy(() -> new AuditEntry(AT, actor + "a", "addLink", target + "t", "ok"))
                .hasMessageContaining("actor: expected at most 256 characters, got 257")
                .hasMessageContaining("target: expected at most 2000 characters, got 2001");
        assertThatThrownBy(() -> new AuditEntry(AT, "x", "a".repeat(65), null, "o".repeat(65)))
                .hasMessageContaining("action: expected at most 64").hasMessageContaining("outcome: expected at most 64");
    }

    @Test
    void control_characters_are_refused_so_a_logged_entry_stays_one_line() {
        assertThatThrownBy(() -> new AuditEntry(AT, "eve\nINFO forged", "addLink", null, "ok"))
                .hasMessageContaining("actor: expected no control characters");
        assertThatThrownBy(() -> new AuditEntry(null, "x", "addLink", null, "ok"))
                .isInstanceOf(NullPointerException.class);
    }
}
