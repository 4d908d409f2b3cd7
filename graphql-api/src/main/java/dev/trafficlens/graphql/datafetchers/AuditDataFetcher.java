package dev.trafficlens.graphql.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.graphql.config.ArchiveUnavailable;
import dev.trafficlens.graphql.config.AuditTrail;
import dev.trafficlens.graphql.errors.GraphqlErrors;
import dev.trafficlens.graphql.generated.DgsConstants.QUERY;
import dev.trafficlens.graphql.generated.types.AuditEntry;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Query.auditLog}: bad arguments are {@code INVALID_QUERY} errors naming each argument; the archive being off
 * is {@code ARCHIVE_DISABLED}, its database not answering {@code ARCHIVE_UNAVAILABLE}.
 */
@DgsComponent
public class AuditDataFetcher {

    static final int MAX_LIMIT = 1000;

    private final AuditTrail trail;

    public AuditDataFetcher(AuditTrail trail) {
        this.trail = trail;
    }

    @DgsQuery(field = QUERY.AuditLog)
    public DataFetcherResult<List<AuditEntry>> auditLog(DataFetchingEnvironment env, @InputArgument Instant from,
                                                        @InputArgument Instant to, @InputArgument Integer limit) {
        ResultPath path = env.getExecutionStepInfo().getPath();
        List<QueryProblem> problems = new ArrayList<>();
        if (limit == null || limit < 1 || limit > MAX_LIMIT) {
            problems.add(QueryProblem.invalid("limit", "expected 1 to " + MAX_LIMIT + ", got " + limit));
        }
        if (from != null && to != null && !to.isAfter(from)) {
            problems.add(QueryProblem.invalid("to", "expected a time after from (" + from + "), got " + to));
        }
        if (!problems.isEmpty()) {
            return DataFetcherResult.<List<AuditEntry>>newResult()
                    .errors(problems.stream().map(problem -> GraphqlErrors.of(problem, path)).toList()).build();
        }
        try {
            List<AuditEntry> entries = trail.entries(Optional.ofNullable(from), Optional.ofNullable(to), limit).stream()
                    .map(entry -> AuditEntry.newBuilder().at(entry.at()).actor(entry.actor()).action(entry.action())
                            .target(entry.target()).outcome(entry.outcome()).build())
                    .toList();
            return DataFetcherResult.<List<AuditEntry>>newResult().data(entries).build();
        } catch (ArchiveUnavailable unavailable) {
            return DataFetcherResult.<List<AuditEntry>>newResult().error(unavailable.error(path)).build();
        }
    }
}
