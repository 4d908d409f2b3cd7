package dev.trafficlens.domain.stats;

/** How inbound and outbound traffic of one link combine into one billable percentile (docs/billing.md). */
public enum BillingRule {
    /** max(p(in), p(out)): the LibreNMS default. */
    HIGHER_DIRECTION,
    /** p(max(in, out) per interval): Tencent bandwidth packages, Zenlayer aggregated billing. Never below the above. */
    PER_INTERVAL_MAX,
    /** p(in + out per interval): aggregate bills of some ISPs. */
    SUM
}
