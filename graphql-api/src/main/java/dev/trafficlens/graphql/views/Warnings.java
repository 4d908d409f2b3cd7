package dev.trafficlens.graphql.views;

import dev.trafficlens.domain.model.QueryWarning;
import dev.trafficlens.graphql.generated.types.Warning;

/** The domain's warnings as GraphQL's {@code Warning}. */
public final class Warnings {

    private Warnings() {
    }

    public static Warning of(QueryWarning warning) {
        return of(warning, "");
    }

    /** The warning with {@code prefix} before its message, such as {@code "queries[2]: "}. */
    public static Warning of(QueryWarning warning, String prefix) {
        return Warning.newBuilder()
                .code(warning.kind().name())
                .message(prefix + warning.message())
                .from(warning.slots().from())
                .to(warning.slots().to())
                .build();
    }
}
