package dev.trafficlens.domain.model;

/** Why part of an answered query is missing or less than it seems; the same names reach GraphQL clients as codes. */
public enum WarningKind {
    /** The window starts before the oldest sample the vendor keeps: those slots are reported missing. */
    PARTIAL_RETENTION,
    /** The window reaches past the present: those slots are reported missing. */
    FUTURE_SLOTS
}
