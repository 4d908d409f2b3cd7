/**
 * Bills over the archived 5-minute samples (docs/billing.md): a bill's definition, its periods in the customer's time
 * zone, the figures of a period (95th percentile or volume, commit, overage, charge) and the exact month-to-date
 * bounds of an incomplete one. Pure computation: reading samples and storing figures is the service's and the ports'.
 */
package dev.trafficlens.domain.billing;
