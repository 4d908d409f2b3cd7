package dev.trafficlens.domain.port.in;

import dev.trafficlens.domain.model.TrafficError;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;

/** The answer to one query of a run: its result, or every reason it has none. */
public record QueryOutcome(TrafficQuery query, Either<List<TrafficError>, TrafficResult> result) {

    public QueryOutcome {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(result, "result");
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

    public boolean isSuccess() {
        return result.isRight();
    }

    /** The errors of a failed query; empty for a successful one. */
    public List<TrafficError> errors() {
        return result.isLeft() ? result.getLeft() : List.of();
    }
}
