package dev.trafficlens.domain.stats;

/** How a percentile is read from samples. */
public enum PercentileMethod {
    /**
     * The billing rule: the sample of ascending rank {@code ceil(p/100·N)} (1-based), always one of the samples.
     * For p = 95 this discards the top {@code floor(0.05·N)} samples and bills the next one, as vendors do.
     */
    NEAREST_RANK,
    /**
     * Interpolated between the two nearest ranks (Hyndman–Fan type 7): what NumPy's default, Excel's
     * PERCENTILE.INC and R's default return. For dashboards, never for bills.
     */
    LINEAR
}
