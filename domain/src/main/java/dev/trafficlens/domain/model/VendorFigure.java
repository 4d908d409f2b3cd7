package dev.trafficlens.domain.model;

import java.util.Objects;

/**
 * A summary number the vendor computed itself for one call, such as Zenlayer's {@code in95} or Tencent MNA's
 * {@code TotalValue}, kept beside our own figures so users can reconcile the two.
 */
public record VendorFigure(String name, Metric metric, double value, String unit) {

    public VendorFigure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
    }
}
