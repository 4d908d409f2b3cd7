package dev.trafficlens.graphql.errors;

import com.netflix.graphql.types.errors.ErrorDetail;
import com.netflix.graphql.types.errors.ErrorType;
import com.netflix.graphql.types.errors.TypedGraphQLError;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.TrafficError;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Domain errors as GraphQL errors: {@code extensions.code} is the domain's {@code ErrorKind}; a source failure adds
 * {@code source}, {@code vendorCode} and {@code requestId}; a query problem adds the {@code field} it names. They are
 * DGS typed errors whose {@code errorType} (and {@code errorDetail}, where DGS has one that fits) agree with the code:
 * DGS would otherwise turn every error of a data fetcher into {@code UNAVAILABLE}/{@code SERVICE_ERROR}.
 */
public final class GraphqlErrors {

    private GraphqlErrors() {
    }

    /**
     * One error per distinct failure of a query: a 30-day window is 30 vendor calls, and a resource that does not
     * exist fails every one of them alike. The first is kept, with {@code failedCalls} saying how many calls made
     * failed so; the error that cancelled the query's other calls also says how many in {@code cancelledCalls}.
     */
    public static List<GraphQLError> collapsed(
            List<TrafficError> errors, int cancelledCalls, ResultPath path, Map<String, Object> more) {
        Map<List<Object>, List<TrafficError>> groups = new LinkedHashMap<>();
        for (TrafficError error : errors) {
            List<Object> key = error instanceof SourceFailure failure
                    ? List.of(failure.kind(), failure.source(), failure.vendorCode())
                    : List.of(error);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(error);
        }
        List<GraphQLError> result = new ArrayList<>(groups.size());
        boolean cancellationReported = false;
        for (List<TrafficError> group : groups.values()) {
            TrafficError first = group.get(0);
            Map<String, Object> extensions = new LinkedHashMap<>(more);
            if (first instanceof SourceFailure) {
                extensions.put("failedCalls", group.size());
                if (cancelledCalls > 0 && !cancellationReported && first.kind().cancelsOtherCalls()) {
                    extensions.put("cancelledCalls", cancelledCalls);
                    cancellationReported = true;
                }
            }
            result.add(of(first, path, extensions));
        }
        return result;
    }

    public static GraphQLError of(TrafficError error, ResultPath path) {
        return of(error, path, Map.of());
    }

    public static GraphQLError of(TrafficError error, ResultPath path, Map<String, Object> more) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", error.kind().name());
        String message = error.message();
        if (error instanceof SourceFailure failure) {
            extensions.put("source", failure.source().id());
            failure.vendorCode().ifPresent(code -> extensions.put("vendorCode", code));
            failure.requestId().ifPresent(id -> extensions.put("requestId", id));
            failure.retryAfter().ifPresent(wait -> extensions.put("retryAfterSeconds", wait.toSeconds()));
        } else if (error instanceof QueryProblem problem) {
            extensions.put("field", problem.field());
            message = problem.field() + ": " + problem.message();
        }
        extensions.putAll(more);
        return typed(error.kind())
                .message(message)
                .path(path)
                .extensions(extensions)
                .build();
    }

    /**
     * An error that is no domain {@code ErrorKind}, with the DGS {@code errorType} given: the links API's
     * {@code CONFLICT}, {@code ARCHIVE_DISABLED}, {@code ARCHIVE_UNAVAILABLE}, and access control's {@code FORBIDDEN}
     * ({@code PERMISSION_DENIED}).
     */
    public static GraphQLError coded(
            String code, ErrorType type, String message, ResultPath path, Map<String, Object> more) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.putAll(more);
        return TypedGraphQLError.newBuilder().errorType(type).message(message).path(path).extensions(extensions)
                .build();
    }

    /** A DGS typed error whose {@code errorType} agrees with {@code kind}, to be given a message and extensions. */
    public static TypedGraphQLError.Builder typed(ErrorKind kind) {
        TypedGraphQLError.Builder error = TypedGraphQLError.newBuilder();
        return switch (kind) {
            case NOT_FOUND -> error.errorType(ErrorType.NOT_FOUND);
            case UNAUTHENTICATED -> error.errorType(ErrorType.UNAUTHENTICATED);
            // A detail implies its type: INVALID_ARGUMENT is a BAD_REQUEST, the other two are UNAVAILABLE.
            case INVALID_QUERY, OUT_OF_RETENTION -> error.errorDetail(ErrorDetail.Common.INVALID_ARGUMENT);
            case RATE_LIMITED -> error.errorDetail(ErrorDetail.Common.TOO_MANY_REQUESTS);
            case VENDOR_UNAVAILABLE -> error.errorDetail(ErrorDetail.Common.SERVICE_ERROR);
            case VENDOR_ERROR, MALFORMED_RESPONSE -> error.errorType(ErrorType.INTERNAL);
        };
    }
}
