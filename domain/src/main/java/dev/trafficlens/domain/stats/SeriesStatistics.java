package dev.trafficlens.domain.stats;

import dev.trafficlens.domain.model.TrafficSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A summary of one series: how many samples were used and missing, the share present (coverage), min, max, mean,
 * the total the series amounts to (bytes for bit rates and volumes, packets for packet rates) and the requested
 * percentiles. Figures without a sample to come from are empty rather than zero.
 */
public record SeriesStatistics(
        int count,
        int missing,
        double coverage,
        OptionalDouble min,
        OptionalDouble max,
        OptionalDouble mean,
        OptionalDouble total,
        String totalUnit,
        List<PercentileValue> percentiles,
        PercentileMethod method,
        MissingPolicy missingPolicy) {

    public SeriesStatistics {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(totalUnit, "totalUnit");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(missingPolicy, "missingPolicy");
        percentiles = List.copyOf(percentiles);
    }

    /** Everything in one pass over the samples, then one selection pass for all percentiles. */
    public static SeriesStatistics of(TrafficSeries series, StatisticsRequest request) {
        double[] scratch = series.values();
        int size = scratch.length;
        int used = 0;
        int missing = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        boolean zeroFill = request.missingPolicy() == MissingPolicy.ZERO;
        for (int i = 0; i < size; i++) {
            double value = scratch[i];
            if (value != value) { // NaN: no sample
                missing++;
                if (!zeroFill) {
                    continue;
                }
                value = 0;
            }
            scratch[used++] = value;
            sum += value;
            // Plain comparisons: Math.min/max also order -0.0 and NaN, which cost time and cannot occur here.
            if (value < min) {
                min = value;
            }
            if (value > max) {
                max = value;
            }
        }
        double[] percentileValues = Percentiles.ofPrefix(
                scratch, used, request.method(), request.percentileArray());
        List<PercentileValue> percentiles = new ArrayList<>(percentileValues.length);
        for (int i = 0; i < percentileValues.length; i++) {
            percentiles.add(new PercentileValue(request.percentiles().get(i), optional(used, percentileValues[i])));
        }
        double total = series.metric().quantity().totalOf(sum, series.step().seconds());
        return new SeriesStatistics(
                used,
                missing,
                (double) (size - missing) / size,
                optional(used, min),
                optional(used, max),
                optional(used, sum / used),
                optional(used, total),
                series.metric().quantity().totalUnit(),
                percentiles,
                request.method(),
                request.missingPolicy());
    }

    /** The value of percentile {@code p}, which must have been requested. */
    public OptionalDouble percentile(double p) {
        return percentiles.stream()
                .filter(value -> value.percentile() == p)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("percentile " + p + " was not requested"))
                .value();
    }

    private static OptionalDouble optional(int count, double value) {
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
