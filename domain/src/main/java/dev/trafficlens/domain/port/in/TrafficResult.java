package dev.trafficlens.domain.port.in;

import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Quantity;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.QueryWarning;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorSummary;
import dev.trafficlens.domain.stats.BillingPercentile;
import dev.trafficlens.domain.stats.BillingRule;
import dev.trafficlens.domain.stats.SeriesStatistics;
import dev.trafficlens.domain.stats.StatisticsRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answer to one query: a series per metric over the query's window (widened to the step grid), gaps as missing
 * samples, and the vendor's own summary figures per call. Statistics are computed on demand from the series.
 * {@code warnings} name the parts of the window no vendor could be asked about (past retention, in the future) and
 * an archive that could not be read or written; {@code provenance} counts where the window's slots came from.
 */
public record TrafficResult(
        Optional<String> key,
        Source source,
        TimeWindow window,
        Step step,
        List<TrafficSeries> series,
        List<VendorSummary> vendorSummaries,
        List<QueryWarning> warnings,
        Provenance provenance) {

    public TrafficResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(step, "step");
        series = List.copyOf(series);
        vendorSummaries = List.copyOf(vendorSummaries);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(provenance, "provenance");
    }

    public Optional<TrafficSeries> series(Metric metric) {
        return series.stream().filter(each -> each.metric().equals(metric)).findFirst();
    }

    /** The series matching a direction and a quantity; an empty filter matches all. */
    public List<TrafficSeries> series(Optional<Direction> direction, Optional<Quantity> quantity) {
        return series.stream().filter(each -> each.metric().matches(direction, quantity)).toList();
    }

    /** Whether trafficlens computed {@code metric} from another the vendor serves (Tencent MNA's bit rate). */
    public boolean isDerived(Metric metric) {
        return source.limits().derivation(metric).isPresent();
    }

    /**
     * Why this result holds no {@code metric} although its source offers it: a derived metric its step is too coarse
     * for (Tencent MNA's bit rate at 1h or 1d), as a problem of the query's {@code step}; empty otherwise.
     */
    public Optional<QueryProblem> refusal(Metric metric) {
        return source.limits().derivationRefusal(source.id(), metric, step)
                .map(reason -> QueryProblem.invalid("step", reason));
    }

    public Optional<SeriesStatistics> statistics(Metric metric, StatisticsRequest request) {
        return series(metric).map(each -> SeriesStatistics.of(each, request));
    }

    /**
     * The p95 bit rate billed under {@code rule}, by nearest rank with missing samples skipped; empty when the result
     * has no inbound and outbound bit rate (see {@link #refusal} for why, when the source derives it) or no interval
     * had a sample. Bill on the native 5-minute step: a coarser step averages bursts away.
     */
    public OptionalDouble billing95(BillingRule rule) {
        return BillingPercentile.p95(series, rule);
    }
}
