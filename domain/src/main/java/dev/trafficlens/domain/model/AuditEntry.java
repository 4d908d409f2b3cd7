package dev.trafficlens.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One change made through the service, as the audit log keeps it: when, who ({@code actor}: the caller's name,
 * {@code anonymous} without one), what ({@code action}: e.g. the mutation's name), on what ({@code target}: the id it
 * touched, null when there is none) and how it ended ({@code outcome}: {@code ok} or an error code).
 *
 * <p>Only names and ids belong here, never the input of a change: an input may hold a vendor secret or a token, and
 * the audit log is read by every editor. The lengths are those of the {@code audit_log} table's columns; no field
 * holds control characters, so an entry written to a log file stays one line.
 */
public record AuditEntry(Instant at, String actor, String action, String target, String outcome) {

    public static final int MAX_ACTOR_LENGTH = 256;
    public static final int MAX_ACTION_LENGTH = 64;
    public static final int MAX_TARGET_LENGTH = 2000;
    public static final int MAX_OUTCOME_LENGTH = 64;

    /** The outcome of a change that succeeded. */
    public static final String OK = "ok";

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        FieldChecks checks = new FieldChecks();
        text(checks, "actor", actor, MAX_ACTOR_LENGTH);
        text(checks, "action", action, MAX_ACTION_LENGTH);
        if (target != null) {
            text(checks, "target", target, MAX_TARGET_LENGTH);
        }
        text(checks, "outcome", outcome, MAX_OUTCOME_LENGTH);
        checks.throwIfAny("AuditEntry");
    }

    private static void text(FieldChecks checks, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            checks.add(field, "expected a non-blank text");
        } else if (value.length() > maxLength) {
            checks.add(field, "expected at most " + maxLength + " characters, got " + value.length());
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            checks.add(field, "expected no control characters");
        }
    }
}
