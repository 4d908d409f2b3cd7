package dev.trafficlens.graphql;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Quantity;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.stats.BillingPercentile;
import dev.trafficlens.domain.stats.BillingRule;
import dev.trafficlens.domain.stats.MissingPolicy;
import dev.trafficlens.domain.stats.PercentileMethod;
import dev.trafficlens.domain.stats.SeriesStatistics;
import dev.trafficlens.domain.stats.StatisticsRequest;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Resolves the fields with arguments: {@code TrafficResult}/{@code AggregateResult} series and billing95, {@code Series.stats}. */
@DgsComponent
public class SeriesDataFetcher {

    /** GraphQL's {@code Stats}. */
    public record StatsView(int count, int missing, double coverage, Double min, Double max, Double avg, Double total,
                            String totalUnit, List<PercentileView> percentiles) {
    }

    /** GraphQL's {@code PercentileValue}. */
    public record PercentileView(double p, Double value) {
    }

    @DgsData(parentType = "TrafficResult", field = "series")
    public List<SeriesView> resultSeries(DataFetchingEnvironment env) {
        TrafficResultView view = env.getSource();
        return filter(view.result().series(), env);
    }

    @DgsData(parentType = "TrafficResult", field = "billing95")
    public Double resultBilling95(DataFetchingEnvironment env) {
        TrafficResultView view = env.getSource();
        return boxed(view.result().billing95(rule(env)));
    }

    @DgsData(parentType = "AggregateResult", field = "series")
    public List<SeriesView> aggregateSeries(DataFetchingEnvironment env) {
        AggregateView view = env.getSource();
        return filter(view.series(), env);
    }

    @DgsData(parentType = "AggregateResult", field = "billing95")
    public Double aggregateBilling95(DataFetchingEnvironment env) {
        AggregateView view = env.getSource();
        Optional<TrafficSeries> in = find(view.series(), Metric.BITRATE_IN);
        Optional<TrafficSeries> out = find(view.series(), Metric.BITRATE_OUT);
        if (in.isEmpty() || out.isEmpty()) {
            return null;
        }
        return boxed(BillingPercentile.p95(in.get(), out.get(), rule(env)));
    }

    @DgsData(parentType = "Series", field = "stats")
    public DataFetcherResult<StatsView> stats(DataFetchingEnvironment env) {
        SeriesView view = env.getSource();
        List<Double> percentiles = env.getArgumentOrDefault("percentiles", List.of(95.0));
        PercentileMethod method = PercentileMethod.valueOf(env.getArgumentOrDefault("method", "NEAREST_RANK"));
        return StatisticsRequest.validate(percentiles, method, MissingPolicy.SKIP).fold(
                problems -> {
                    List<GraphQLError> errors = problems
                            .map(problem -> GraphqlErrors.of(problem, env.getExecutionStepInfo().getPath()))
                            .toJavaList();
                    return DataFetcherResult.<StatsView>newResult().errors(errors).build();
                },
                request -> DataFetcherResult.<StatsView>newResult().data(view(SeriesStatistics.of(view.series(), request))).build());
    }

    private static StatsView view(SeriesStatistics stats) {
        return new StatsView(stats.count(), stats.missing(), stats.coverage(), boxed(stats.min()), boxed(stats.max()),
                boxed(stats.mean()), boxed(stats.total()), stats.totalUnit(), stats.percentiles().stream()
                .map(p -> new PercentileView(p.percentile(), boxed(p.value())))
                .toList());
    }

    private static List<SeriesView> filter(List<TrafficSeries> series, DataFetchingEnvironment env) {
        Optional<Direction> direction = Optional.ofNullable(env.<String>getArgument("direction")).map(Direction::valueOf);
        Optional<Quantity> quantity = Optional.ofNullable(env.<String>getArgument("quantity")).map(Quantity::valueOf);
        return series.stream()
                .filter(each -> direction.map(wanted -> each.metric().direction() == wanted).orElse(true))
                .filter(each -> quantity.map(wanted -> each.metric().quantity() == wanted).orElse(true))
                .map(SeriesView::new)
                .toList();
    }

    private static Optional<TrafficSeries> find(List<TrafficSeries> series, Metric metric) {
        return series.stream().filter(each -> each.metric().equals(metric)).findFirst();
    }

    private static BillingRule rule(DataFetchingEnvironment env) {
        return BillingRule.valueOf(env.getArgumentOrDefault("rule", "HIGHER_DIRECTION"));
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
