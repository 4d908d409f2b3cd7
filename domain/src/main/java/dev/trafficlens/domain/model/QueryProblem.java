package dev.trafficlens.domain.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One thing wrong with a query, naming the field as a path relative to the query ({@code to},
 * {@code resource.vpcId}) and saying what was expected. Callers prefix the path with where the query came from.
 */
public record QueryProblem(ErrorKind kind, String field, String message) implements TrafficError {

    /** NOT_FOUND: a field names something that does not exist (a query's link id). */
    private static final Set<ErrorKind> KINDS =
            EnumSet.of(ErrorKind.INVALID_QUERY, ErrorKind.OUT_OF_RETENTION, ErrorKind.NOT_FOUND);

    public QueryProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind: a query problem is one of " + KINDS + ", got " + kind);
        }
    }

    public static QueryProblem invalid(String field, String message) {
        return new QueryProblem(ErrorKind.INVALID_QUERY, field, message);
    }

    public static QueryProblem notFound(String field, String message) {
        return new QueryProblem(ErrorKind.NOT_FOUND, field, message);
    }

    public static QueryProblem outOfRetention(String field, String message) {
        return new QueryProblem(ErrorKind.OUT_OF_RETENTION, field, message);
    }

    /** The same problem seen from an enclosing object: {@code under("queries[2]")} turns {@code to} into {@code queries[2].to}. */
    public QueryProblem under(String prefix) {
        return new QueryProblem(kind, field.isEmpty() ? prefix : prefix + "." + field, message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
