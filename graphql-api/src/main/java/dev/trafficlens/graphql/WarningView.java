package dev.trafficlens.graphql;

import dev.trafficlens.domain.model.QueryWarning;
import java.time.Instant;

/** GraphQL's {@code Warning}. */
public record WarningView(String code, String message, Instant from, Instant to) {

    static WarningView of(QueryWarning warning) {
        return of(warning, "");
    }

    /** The warning with {@code prefix} before its message, such as {@code "queries[2]: "}. */
    static WarningView of(QueryWarning warning, String prefix) {
        return new WarningView(warning.kind().name(), prefix + warning.message(), warning.slots().from(),
                warning.slots().to());
    }
}
