package dev.trafficlens.graphql.config;

import com.netflix.graphql.types.errors.ErrorType;
import dev.trafficlens.graphql.errors.GraphqlErrors;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import java.util.Map;

/**
 * What is kept in the archive (links, the audit log) cannot be reached: {@code ARCHIVE_DISABLED} when the archive is
 * off, {@code ARCHIVE_UNAVAILABLE} (with the archive's own message, never the driver's) when its database does not
 * answer. The field that needed it fails alone, with {@link #error}.
 */
public final class ArchiveUnavailable extends RuntimeException {

    private final String code;

    private ArchiveUnavailable(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The archive is off ({@code trafficlens.archive.enabled=false}); {@code message} says what that means here. */
    static ArchiveUnavailable disabled(String message) {
        return new ArchiveUnavailable("ARCHIVE_DISABLED", message);
    }

    /** The archive's database does not answer. */
    static ArchiveUnavailable unreachable(String message) {
        return new ArchiveUnavailable("ARCHIVE_UNAVAILABLE", message);
    }

    public String code() {
        return code;
    }

    /** This failure as the GraphQL error of the field at {@code path}. */
    public GraphQLError error(ResultPath path) {
        ErrorType type = code.equals("ARCHIVE_DISABLED") ? ErrorType.FAILED_PRECONDITION : ErrorType.UNAVAILABLE;
        return GraphqlErrors.coded(code, type, getMessage(), path, Map.of());
    }
}
