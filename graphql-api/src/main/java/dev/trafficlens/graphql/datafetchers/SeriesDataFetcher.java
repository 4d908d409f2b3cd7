package dev.trafficlens.graphql;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import dev.trafficlens.domain.model.DerivedMetric;
import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Quantity;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.stats.BillingPercentile;
import dev.trafficlens.domain.stats.BillingRule;
import dev.trafficlens.domain.stats.MissingPolicy;
import dev.trafficlens.domain.stats.PercentileMethod;
import dev.trafficlens.domain.stats.SeriesStatistics;
import dev.trafficlens.domain.stats.StatisticsRequest;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;

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

    /**
     * A result's series, those derived marked so. Asked for a quantity its step cannot give (Tencent MNA's
     * {@code BITRATE} at 1h), the list is empty and an INVALID_QUERY error at this field says why.
     */
    @DgsData(parentType = "TrafficResult", field = "series")
    public DataFetcherResult<List<SeriesView>> resultSeries(DataFetchingEnvironment env) {
        TrafficResult result = env.<TrafficResultView>getSource().result();
        List<SeriesView> series = filter(result.series(), result::isDerived, env);
        return withRefusal(series, refusals(result, env), Set.of(), env);
    }

    /** Null when the result has no bit rate; with an INVALID_QUERY error saying why when its step cannot give one. */
    @DgsData(parentType = "TrafficResult", field = "billing95")
    public DataFetcherResult<Double> resultBilling95(DataFetchingEnvironment env) {
        TrafficResult result = env.<TrafficResultView>getSource().result();
        OptionalDouble billing = result.billing95(rule(env));
        Optional<QueryProblem> refusal = billing.isPresent() ? Optional.empty()
                : result.refusal(Metric.BITRATE_IN).or(() -> result.refusal(Metric.BITRATE_OUT));
        return refusal.isPresent()
                ? error(refusal.get().under(query(env)), env)
                : DataFetcherResult.<Double>newResult().data(boxed(billing)).build();
    }

    @DgsData(parentType = "AggregateResult", field = "series")
    public DataFetcherResult<List<SeriesView>> aggregateSeries(DataFetchingEnvironment env) {
        AggregateView view = env.getSource();
        List<SeriesView> series = filter(view.series(), view.derived()::contains, env);
        return withRefusal(series, view.refused(), view.leftOut(), env);
    }

    @DgsData(parentType = "AggregateResult", field = "billing95")
    public DataFetcherResult<Double> aggregateBilling95(DataFetchingEnvironment env) {
        AggregateView view = env.getSource();
        QueryProblem refusal = Optional.ofNullable(view.refused().get(Metric.BITRATE_IN))
                .orElse(view.refused().get(Metric.BITRATE_OUT));
        if (refusal != null) {
            return error(refusal, env);
        }
        Optional<TrafficSeries> in = find(view.series(), Metric.BITRATE_IN);
        Optional<TrafficSeries> out = find(view.series(), Metric.BITRATE_OUT);
        Double billing = in.isEmpty() || out.isEmpty() ? null
                : boxed(BillingPercentile.p95(in.get(), out.get(), rule(env)));
        return DataFetcherResult.<Double>newResult().data(billing).build();
    }

    @DgsData(parentType = "Series", field = "stats")
    public DataFetcherResult<StatsView> stats(DataFetchingEnvironment env) {
        SeriesView view = env.getSource();
        List<Double> percentiles = env.getArgumentOrDefault("percentiles", List.of(95.0));
        PercentileMethod method = PercentileMethod.valueOf(env.getArgumentOrDefault("method", "NEAREST_RANK"));
        return StatisticsRequest.validate(percentiles, method, MissingPolicy.SKIP).fold(
                problems -> {
                    List<GraphQLError> errors = problems.stream()
                            .map(problem -> GraphqlErrors.of(problem, env.getExecutionStepInfo().getPath()))
                            .toList();
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

    private static List<SeriesView> filter(
            List<TrafficSeries> series, Predicate<Metric> derived, DataFetchingEnvironment env) {
        return series.stream()
                .filter(each -> matches(each.metric(), env))
                .map(each -> new SeriesView(each, derived.test(each.metric())))
                .toList();
    }

    private static boolean matches(Metric metric, DataFetchingEnvironment env) {
        Optional<Direction> direction = Optional.ofNullable(env.<String>getArgument("direction")).map(Direction::valueOf);
        Optional<Quantity> quantity = Optional.ofNullable(env.<String>getArgument("quantity")).map(Quantity::valueOf);
        return direction.map(wanted -> metric.direction() == wanted).orElse(true)
                && quantity.map(wanted -> metric.quantity() == wanted).orElse(true);
    }

    /** The derived metrics {@code result}'s step cannot give, with why, placed under the result's query. */
    private static Map<Metric, QueryProblem> refusals(TrafficResult result, DataFetchingEnvironment env) {
        Map<Metric, QueryProblem> refused = new LinkedHashMap<>();
        for (DerivedMetric derived : result.source().limits().derivedMetrics()) {
            result.refusal(derived.metric()).ifPresent(problem -> refused.put(derived.metric(), problem.under(query(env))));
        }
        return refused;
    }

    /**
     * {@code series}, with an error for the first refused metric the field asked for: by naming its quantity, or,
     * with no quantity, when it was {@code leftOut} of a sum other queries had it in. One error a field: the refusals
     * of one query's directions say the same.
     */
    private static DataFetcherResult<List<SeriesView>> withRefusal(List<SeriesView> series,
            Map<Metric, QueryProblem> refused, Set<Metric> leftOut, DataFetchingEnvironment env) {
        boolean quantityNamed = env.getArgument("quantity") != null;
        Optional<QueryProblem> refusal = refused.entrySet().stream()
                .filter(entry -> matches(entry.getKey(), env) && (quantityNamed || leftOut.contains(entry.getKey())))
                .map(Map.Entry::getValue)
                .findFirst();
        DataFetcherResult.Builder<List<SeriesView>> answer = DataFetcherResult.<List<SeriesView>>newResult().data(series);
        refusal.ifPresent(problem -> answer.error(GraphqlErrors.of(problem, env.getExecutionStepInfo().getPath())));
        return answer.build();
    }

    private static <T> DataFetcherResult<T> error(QueryProblem problem, DataFetchingEnvironment env) {
        return DataFetcherResult.<T>newResult()
                .error(GraphqlErrors.of(problem, env.getExecutionStepInfo().getPath()))
                .build();
    }

    /** {@code queries[i]} of the {@code traffic[i]} result this field belongs to. */
    private static String query(DataFetchingEnvironment env) {
        return "queries[" + env.getExecutionStepInfo().getPath().getParent().getSegmentIndex() + "]";
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
