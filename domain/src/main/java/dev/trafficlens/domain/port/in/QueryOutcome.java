package dev.trafficlens.domain.port.in;

import dev.trafficlens.domain.model.TrafficError;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one query of a run: its result, or every reason it has none. {@code cancelledCalls} counts the
 * vendor calls of a failed query that were never sent because another call had already answered what they would
 * (a {@code NOT_FOUND} resource or an {@code UNAUTHENTICATED} key: {@code ErrorKind.cancelsOtherCalls}); the errors
 * are those of the calls really made, so a cancelled call adds none.
 */
public record QueryOutcome(TrafficQuery query, Either<List<TrafficError>, TrafficResult> result, int cancelledCalls) {

    public QueryOutcome {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(result, "result");
        if (cancelledCalls < 0) {
            throw new IllegalArgumentException("cancelledCalls: expected at least 0, got " + cancelledCalls);
        }
        if (result.isRight() && cancelledCalls > 0) {
            throw new IllegalArgumentException("cancelledCalls: a result is complete, so none of its calls was "
                    + "cancelled; got " + cancelledCalls);
        }
    }

    public QueryOutcome(TrafficQuery query, Either<List<TrafficError>, TrafficResult> result) {
        this(query, result, 0);
    }

    public static QueryOutcome success(TrafficQuery query, TrafficResult result) {
        return new QueryOutcome(query, Either.right(result));
    }

    public static QueryOutcome failure(TrafficQuery query, List<? extends TrafficError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors: a failed outcome names at least one error");
        }
        return new QueryOutcome(query, Either.left(List.copyOf(errors)));
    }

    public QueryOutcome withCancelledCalls(int calls) {
        return new QueryOutcome(query, result, calls);
    }

    public boolean isSuccess() {
        return result.isRight();
    }

    /** The errors of a failed query; empty for a successful one. */
    public List<TrafficError> errors() {
        return result.isLeft() ? result.getLeft() : List.of();
    }
}
