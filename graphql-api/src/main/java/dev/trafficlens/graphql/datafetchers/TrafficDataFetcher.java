package dev.trafficlens.graphql.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.trafficlens.domain.model.DerivedMetric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.graphql.config.ArchiveUnavailable;
import dev.trafficlens.graphql.config.LinkDirectory;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.TrafficError;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.stats.MissingPolicy;
import dev.trafficlens.domain.stats.SeriesCombination;
import dev.trafficlens.graphql.dataloaders.TrafficOutcomes;
import dev.trafficlens.graphql.errors.GraphqlErrors;
import dev.trafficlens.graphql.generated.DgsConstants.QUERY;
import dev.trafficlens.graphql.generated.types.Warning;
import dev.trafficlens.graphql.views.AggregateView;
import dev.trafficlens.graphql.views.TrafficResultView;
import dev.trafficlens.graphql.views.Warnings;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * Resolves {@code Query.traffic} and {@code Query.aggregate}: maps the inputs to domain queries and asks the
 * inbound port through {@link TrafficOutcomes}, so both fields of one request share one fetch.
 */
@DgsComponent
public class TrafficDataFetcher {

    private final LinkDirectory links;

    public TrafficDataFetcher(LinkDirectory links) {
        this.links = links;
    }

    /**
     * A query's outcome at its index in the request: a result, or the errors to report at its path and how many of
     * its calls were cancelled.
     */
    private record Answer(TrafficResult result, List<TrafficError> errors, int cancelledCalls) {
    }

    @DgsQuery(field = QUERY.Traffic)
    public CompletableFuture<DataFetcherResult<List<TrafficResultView>>> traffic(
            DataFetchingEnvironment env, @InputArgument List<dev.trafficlens.graphql.generated.types.TrafficQuery> queries) {
        ResultPath path = env.getExecutionStepInfo().getPath();
        return answers(queries, env).thenApply(answers -> {
            List<TrafficResultView> data = new ArrayList<>(answers.size());
            List<GraphQLError> errors = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                Answer answer = answers.get(i);
                data.add(answer.result() == null ? null : new TrafficResultView(answer.result()));
                errors.addAll(GraphqlErrors.collapsed(
                        answer.errors(), answer.cancelledCalls(), path.segment(i), Map.of()));
            }
            return DataFetcherResult.<List<TrafficResultView>>newResult().data(data).errors(errors).build();
        });
    }

    @DgsQuery(field = QUERY.Aggregate)
    public CompletableFuture<DataFetcherResult<AggregateView>> aggregate(
            DataFetchingEnvironment env, @InputArgument List<dev.trafficlens.graphql.generated.types.TrafficQuery> queries) {
        ResultPath path = env.getExecutionStepInfo().getPath();
        return answers(queries, env).thenApply(answers -> {
            List<GraphQLError> errors = new ArrayList<>();
            Map<Metric, List<TrafficSeries>> byMetric = new LinkedHashMap<>();
            Set<Metric> derived = new HashSet<>();
            Map<Metric, QueryProblem> refused = new LinkedHashMap<>();
            List<Warning> warnings = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                Answer answer = answers.get(i);
                errors.addAll(GraphqlErrors.collapsed(answer.errors(), answer.cancelledCalls(), path,
                        Map.of("queryIndex", i)));
                TrafficResult result = answer.result();
                if (result != null) {
                    String prefix = "queries[" + i + "]: ";
                    result.warnings().forEach(warning -> warnings.add(Warnings.of(warning, prefix)));
                    result.series().forEach(series -> {
                        byMetric.computeIfAbsent(series.metric(), m -> new ArrayList<>()).add(series);
                        if (result.isDerived(series.metric())) {
                            derived.add(series.metric());
                        }
                    });
                    String query = "queries[" + i + "]";
                    for (DerivedMetric unavailable : result.source().limits().derivedMetrics()) {
                        result.refusal(unavailable.metric())
                                .ifPresent(problem -> refused.putIfAbsent(unavailable.metric(), problem.under(query)));
                    }
                }
            }
            List<TrafficSeries> summed = new ArrayList<>();
            byMetric.forEach((metric, series) -> {
                if (refused.containsKey(metric)) {
                    return; // a sum without the query that cannot have this metric would pass for the whole
                }
                try {
                    summed.add(SeriesCombination.sum(series, MissingPolicy.SKIP));
                } catch (IllegalArgumentException differentSteps) {
                    errors.add(GraphqlErrors.of(QueryProblem.invalid("queries", "expected every query's "
                            + metric + " series on one step to sum them: give the queries the same step"), path));
                }
            });
            Set<Metric> leftOut = new HashSet<>(refused.keySet());
            leftOut.retainAll(byMetric.keySet());
            return DataFetcherResult.<AggregateView>newResult()
                    .data(new AggregateView(summed, derived, refused, leftOut, warnings)).errors(errors).build();
        });
    }

    /** {@code link}'s resource: NOT_FOUND when no link has the id; refused when the archive is off or unreachable. */
    private Validation<QueryProblem, ResourceRef> resourceOf(String linkId) {
        try {
            return links.byId(linkId).<Validation<QueryProblem, ResourceRef>>map(link -> Validation.valid(link.resource()))
                    .orElseGet(() -> Validation.invalid(QueryProblem.notFound("link",
                            "no link has id \"" + linkId + "\"")));
        } catch (ArchiveUnavailable unavailable) {
            return Validation.invalid(QueryProblem.invalid("link", unavailable.getMessage()
                    + "; give the link's resource instead"));
        }
    }

    private CompletableFuture<List<Answer>> answers(List<dev.trafficlens.graphql.generated.types.TrafficQuery> inputs, DataFetchingEnvironment env) {
        QueryInputs.Mapped mapped = QueryInputs.map(inputs, this::resourceOf);
        List<TrafficQuery> valid = new ArrayList<>();
        for (Validation<List<QueryProblem>, TrafficQuery> query : mapped.queries()) {
            if (query.isValid()) {
                valid.add(query.get());
            }
        }
        DataLoader<TrafficQuery, QueryOutcome> loader = env.getDataLoader(TrafficOutcomes.NAME);
        return loader.loadMany(valid).thenApply(outcomes -> {
            List<Answer> answers = new ArrayList<>(inputs.size());
            int next = 0;
            for (Validation<List<QueryProblem>, TrafficQuery> query : mapped.queries()) {
                if (query.isInvalid()) {
                    answers.add(new Answer(null, List.copyOf(query.getError()), 0));
                    continue;
                }
                QueryOutcome outcome = outcomes.get(next++);
                answers.add(outcome.result().fold(
                        errors -> new Answer(null, errors.stream()
                                .map(error -> error instanceof QueryProblem problem
                                        ? problem.under("queries[" + (answers.size()) + "]") : error)
                                .toList(), outcome.cancelledCalls()),
                        result -> new Answer(result, List.of(), 0)));
            }
            return answers;
        });
    }
}
