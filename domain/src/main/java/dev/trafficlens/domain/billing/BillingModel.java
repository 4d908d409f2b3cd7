package dev.trafficlens.domain.billing;

/** What a bill charges for. */
public enum BillingModel {
    /** The 95th percentile of the period's 5-minute bit rates, against a commit in bit/s. */
    PERCENTILE_95,
    /** The bytes the period carried, in and out, against a commit in bytes. */
    VOLUME
}
