package dev.trafficlens.domain.model;

import java.util.Objects;

/**
 * A note on an answered query that a reader of its figures should see: part of its window ({@code slots}) could not
 * be asked for, and why. The slots stay in the series as missing samples, so they count in coverage.
 */
public record QueryWarning(WarningKind kind, TimeWindow slots, String message) {

    public QueryWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(slots, "slots");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
