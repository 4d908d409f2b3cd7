package dev.trafficlens.domain.stats;

import dev.trafficlens.domain.model.QueryProblem;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which percentiles to compute, by which method, and what to do with missing samples. */
public record StatisticsRequest(List<Double> percentiles, PercentileMethod method, MissingPolicy missingPolicy) {

    /** p95 by nearest rank, missing samples skipped: how vendors bill. */
    public static final StatisticsRequest BILLING =
            new StatisticsRequest(List.of(95.0), PercentileMethod.NEAREST_RANK, MissingPolicy.SKIP);

    public StatisticsRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(missingPolicy, "missingPolicy");
        percentiles = List.copyOf(percentiles);
        Percentiles.checkPercentiles(toArray(percentiles));
    }

    public static StatisticsRequest of(PercentileMethod method, double... percentiles) {
        List<Double> boxed = new ArrayList<>(percentiles.length);
        for (double p : percentiles) {
            boxed.add(p);
        }
        return new StatisticsRequest(boxed, method, MissingPolicy.SKIP);
    }

    /** Reports every percentile outside 0..100, naming it as {@code percentiles[i]}. */
    public static Validation<List<QueryProblem>, StatisticsRequest> validate(
            List<Double> percentiles, PercentileMethod method, MissingPolicy missingPolicy) {
        List<QueryProblem> problems = new ArrayList<>();
        if (percentiles.isEmpty()) {
            problems.add(QueryProblem.invalid("percentiles", "expected at least one percentile"));
        }
        for (int i = 0; i < percentiles.size(); i++) {
            Double p = percentiles.get(i);
            if (p == null || !(p >= 0 && p <= 100)) {
                problems.add(QueryProblem.invalid(
                        "percentiles[" + i + "]", "expected a percentile from 0 to 100, got " + p));
            }
        }
        return problems.isEmpty()
                ? Validation.valid(new StatisticsRequest(percentiles, method, missingPolicy))
                : Validation.invalid(List.copyOf(problems));
    }

    public StatisticsRequest withMissingPolicy(MissingPolicy policy) {
        return new StatisticsRequest(percentiles, method, policy);
    }

    double[] percentileArray() {
        return toArray(percentiles);
    }

    private static double[] toArray(List<Double> percentiles) {
        double[] array = new double[percentiles.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = percentiles.get(i);
        }
        return array;
    }
}
