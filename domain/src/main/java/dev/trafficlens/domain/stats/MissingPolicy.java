package dev.trafficlens.domain.stats;

/** What statistics do with a slot that has no sample. Coverage always reports the real gaps either way. */
public enum MissingPolicy {
    /** Leave missing samples out: N shrinks, as most vendors do. */
    SKIP,
    /** Count a missing sample as 0, as some vendors pad gaps. */
    ZERO
}
