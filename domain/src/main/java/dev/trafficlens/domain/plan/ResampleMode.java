package dev.trafficlens.domain.plan;

import dev.trafficlens.domain.model.Quantity;

/** How samples of a finer step become one sample of a coarser step. */
public enum ResampleMode {
    /** The mean of the present samples: the rate over the coarser interval. The default for rates. */
    AVG,
    /** The highest present sample: keeps bursts visible on a coarse chart. */
    MAX,
    /** The sum of the present samples: the default for volumes. */
    SUM;

    public static ResampleMode defaultFor(Quantity quantity) {
        return quantity.isRate() ? AVG : SUM;
    }
}
