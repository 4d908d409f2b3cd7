package dev.trafficlens.domain.model;

/** Why part of an answered query is missing or less than it seems; the same names reach GraphQL clients as codes. */
public enum WarningKind {
    /** The window starts before the oldest sample the vendor keeps, and the archive lacks those slots: they are missing. */
    PARTIAL_RETENTION,
    /** The window reaches past the present: those slots are reported missing. */
    FUTURE_SLOTS,
    /**
     * The sample archive could not be read or written: the answer comes from vendors alone (slots past their retention
     * are missing) or was not stored; the message says what failed.
     */
    ARCHIVE_UNAVAILABLE
}
