package dev.trafficlens.graphql;

import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.TrafficError;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Domain errors as GraphQL errors: {@code extensions.code} is the domain's {@code ErrorKind}; a source failure adds
 * {@code source}, {@code vendorCode} and {@code requestId}; a query problem adds the {@code field} it names.
 */
final class GraphqlErrors {

    private GraphqlErrors() {
    }

    /**
     * One error per distinct failure of a query: a 30-day window is 30 vendor calls, and a resource that does not
     * exist fails every one of them alike. The first is kept, with {@code failedCalls} saying how many there were.
     */
    static List<GraphQLError> collapsed(List<TrafficError> errors, ResultPath path, Map<String, Object> more) {
        Map<List<Object>, List<TrafficError>> groups = new LinkedHashMap<>();
        for (TrafficError error : errors) {
            List<Object> key = error instanceof SourceFailure failure
                    ? List.of(failure.kind(), failure.source(), failure.vendorCode())
                    : List.of(error);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(error);
        }
        List<GraphQLError> result = new ArrayList<>(groups.size());
        for (List<TrafficError> group : groups.values()) {
            Map<String, Object> extensions = new LinkedHashMap<>(more);
            if (group.get(0) instanceof SourceFailure) {
                extensions.put("failedCalls", group.size());
            }
            result.add(of(group.get(0), path, extensions));
        }
        return result;
    }

    static GraphQLError of(TrafficError error, ResultPath path) {
        return of(error, path, Map.of());
    }

    static GraphQLError of(TrafficError error, ResultPath path, Map<String, Object> more) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", error.kind().name());
        String message = error.message();
        ErrorType type = ErrorType.DataFetchingException;
        if (error instanceof SourceFailure failure) {
            extensions.put("source", failure.source().id());
            failure.vendorCode().ifPresent(code -> extensions.put("vendorCode", code));
            failure.requestId().ifPresent(id -> extensions.put("requestId", id));
            failure.retryAfter().ifPresent(wait -> extensions.put("retryAfterSeconds", wait.toSeconds()));
        } else if (error instanceof QueryProblem problem) {
            extensions.put("field", problem.field());
            message = problem.field() + ": " + problem.message();
            type = ErrorType.ValidationError;
        }
        extensions.putAll(more);
        return GraphqlErrorBuilder.newError()
                .message(message)
                .path(path)
                .errorType(type)
                .extensions(extensions)
                .build();
    }
}
