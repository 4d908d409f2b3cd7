package dev.trafficlens.graphql.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.InputArgument;
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
import dev.trafficlens.graphql.errors.GraphqlErrors;
import dev.trafficlens.graphql.generated.DgsConstants.AGGREGATERESULT;
import dev.trafficlens.graphql.generated.DgsConstants.SERIES;
import dev.trafficlens.graphql.generated.DgsConstants.TRAFFICRESULT;
import dev.trafficlens.graphql.generated.types.PercentileValue;
import dev.trafficlens.graphql.generated.types.Stats;
import dev.trafficlens.graphql.views.AggregateView;
import dev.trafficlens.graphql.views.SeriesView;
import dev.trafficlens.graphql.views.TrafficResultView;
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

/**
 * Resolves the fields with arguments: {@code TrafficResult}/{@code AggregateResult} series and billing95,
 * {@code Series.stats}. The filtering, the bill and the statistics are the domain's; the arguments' defaults are the
 * schema's.
 */
@DgsComponent
public class SeriesDataFetcher {

    /**
     * A result's series, those derived marked so. Asked for a quantity its step cannot give (Tencent MNA's
     * {@code BITRATE} at 1h), the list is empty and an INVALID_QUERY error at this field says why.
     */
    @DgsData(parentType = TRAFFICRESULT.TYPE_NAME, field = TRAFFICRESULT.Series)
    public DataFetcherResult<List<SeriesView>> resultSeries(
            DataFetchingEnvironment env, @InputArgument Direction direction, @InputArgument Quantity quantity) {
        TrafficResult result = env.<TrafficResultView>getSource().result();
        Optional<Direction> wantedDirection = Optional.ofNullable(direction);
        Optional<Quantity> wantedQuantity = Optional.ofNullable(quantity);
        List<SeriesView> series = views(result.series(wantedDirection, wantedQuantity), result::isDerived);
        return withRefusal(series, refusals(result, env), Set.of(), wantedDirection, wantedQuantity, env);
    }

    /** Null when the result has no bit rate; with an INVALID_QUERY error saying why when its step cannot give one. */
    @DgsData(parentType = TRAFFICRESULT.TYPE_NAME, field = TRAFFICRESULT.Billing95)
    public DataFetcherResult<Double> resultBilling95(DataFetchingEnvironment env, @InputArgument BillingRule rule) {
        TrafficResult result = env.<TrafficResultView>getSource().result();
        OptionalDouble billing = result.billing95(rule);
        Optional<QueryProblem> refusal = billing.isPresent() ? Optional.empty()
                : result.refusal(Metric.BITRATE_IN).or(() -> result.refusal(Metric.BITRATE_OUT));
        return refusal.isPresent()
                ? error(refusal.get().under(query(env)), env)
                : DataFetcherResult.<Double>newResult().data(boxed(billing)).build();
    }

    @DgsData(parentType = AGGREGATERESULT.TYPE_NAME, field = AGGREGATERESULT.Series)
    public DataFetcherResult<List<SeriesView>> aggregateSeries(
            DataFetchingEnvironment env, @InputArgument Direction direction, @InputArgument Quantity quantity) {
        AggregateView view = env.getSource();
        Optional<Direction> wantedDirection = Optional.ofNullable(direction);
        Optional<Quantity> wantedQuantity = Optional.ofNullable(quantity);
        List<TrafficSeries> matching = view.series().stream()
                .filter(each -> each.metric().matches(wantedDirection, wantedQuantity))
                .toList();
        List<SeriesView> series = views(matching, view.derived()::contains);
        return withRefusal(series, view.refused(), view.leftOut(), wantedDirection, wantedQuantity, env);
    }

    @DgsData(parentType = AGGREGATERESULT.TYPE_NAME, field = AGGREGATERESULT.Billing95)
    public DataFetcherResult<Double> aggregateBilling95(DataFetchingEnvironment env, @InputArgument BillingRule rule) {
        AggregateView view = env.getSource();
        QueryProblem refusal = Optional.ofNullable(view.refused().get(Metric.BITRATE_IN))
                .orElse(view.refused().get(Metric.BITRATE_OUT));
        if (refusal != null) {
            return error(refusal, env);
        }
        return DataFetcherResult.<Double>newResult().data(boxed(BillingPercentile.p95(view.series(), rule))).build();
    }

    @DgsData(parentType = SERIES.TYPE_NAME, field = SERIES.Stats)
    public DataFetcherResult<Stats> stats(DataFetchingEnvironment env,
            @InputArgument List<Double> percentiles, @InputArgument PercentileMethod method) {
        SeriesView view = env.getSource();
        return StatisticsRequest.validate(percentiles, method, MissingPolicy.SKIP).fold(
                problems -> {
                    List<GraphQLError> errors = problems.stream()
                            .map(problem -> GraphqlErrors.of(problem, env.getExecutionStepInfo().getPath()))
                            .toList();
                    return DataFetcherResult.<Stats>newResult().errors(errors).build();
                },
                request -> DataFetcherResult.<Stats>newResult()
                        .data(stats(SeriesStatistics.of(view.series(), request))).build());
    }

    private static Stats stats(SeriesStatistics stats) {
        return Stats.newBuilder()
                .count(stats.count())
                .missing(stats.missing())
                .coverage(stats.coverage())
                .min(boxed(stats.min()))
                .max(boxed(stats.max()))
                .avg(boxed(stats.mean()))
                .total(boxed(stats.total()))
                .totalUnit(stats.totalUnit())
                .percentiles(stats.percentiles().stream()
                        .map(p -> PercentileValue.newBuilder().p(p.percentile()).value(boxed(p.value())).build())
                        .toList())
                .build();
    }

    private static List<SeriesView> views(List<TrafficSeries> series, Predicate<Metric> derived) {
        return series.stream().map(each -> new SeriesView(each, derived.test(each.metric()))).toList();
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
            Map<Metric, QueryProblem> refused, Set<Metric> leftOut, Optional<Direction> direction,
            Optional<Quantity> quantity, DataFetchingEnvironment env) {
        Optional<QueryProblem> refusal = refused.entrySet().stream()
                .filter(entry -> entry.getKey().matches(direction, quantity)
                        && (quantity.isPresent() || leftOut.contains(entry.getKey())))
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

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
