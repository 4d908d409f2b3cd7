package dev.trafficlens.graphql.security;

import com.netflix.graphql.types.errors.ErrorType;
import dev.trafficlens.graphql.errors.GraphqlErrors;
import dev.trafficlens.graphql.generated.DgsConstants;
import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * The one place that decides, by field coordinates, which role a GraphQL field needs: every {@code Mutation} field and
 * those of {@link #EDITOR_ONLY} need {@link Role#EDITOR}, every other top-level field {@link Role#VIEWER}. A field the
 * caller may not run fails alone, at its path, with {@code extensions.code: FORBIDDEN} and {@code errorType:
 * PERMISSION_DENIED}; its data fetcher is not called. (GraphQL's null propagation still applies: a refused non-null
 * field nulls its parent, for a top-level field the whole {@code data}.)
 *
 * <p>The caller is the request's {@link Authentication}, which {@link AccessControl} puts in the GraphQL context;
 * without one (a query run in-process) it is the policy's caller without a token, or nobody.
 */
public final class FieldAccess implements Instrumentation {

    /** The key of the caller's {@link Authentication} in the GraphQL context. */
    public static final String CALLER = FieldAccess.class.getName() + ".caller";

    /** Queries only editors may run, by coordinates; every mutation is editor-only anyway. */
    public static final Set<String> EDITOR_ONLY = Set.of(DgsConstants.QUERY.TYPE_NAME + ".auditLog");

    private final Optional<Caller> withoutToken;

    FieldAccess(Optional<Caller> withoutToken) {
        this.withoutToken = withoutToken;
    }

    /**
     * The name of the caller of the request {@code context} belongs to (a token's configured name, a JWT's subject,
     * {@code anonymous} or {@code sandbox}), as a data fetcher that records who did something reads it; empty when the
     * request has no caller (then its fields are refused anyway).
     */
    public Optional<String> callerName(GraphQLContext context) {
        Authentication caller = context.get(CALLER);
        return caller != null ? Optional.of(caller.getName()) : withoutToken.map(Caller::getName);
    }

    /** The role the top-level field {@code type.field} needs. */
    public static Role requiredRole(String type, String field) {
        return DgsConstants.MUTATION.TYPE_NAME.equals(type) || EDITOR_ONLY.contains(type + "." + field)
                ? Role.EDITOR : Role.VIEWER;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        if (step.getPath().getLevel() != 1) {
            return dataFetcher;
        }
        String type = ((GraphQLNamedType) step.getParent().getUnwrappedNonNullType()).getName();
        String field = step.getFieldDefinition().getName();
        Role required = requiredRole(type, field);
        Authentication caller = parameters.getExecutionContext().getGraphQLContext().get(CALLER);
        Optional<Role> role = caller != null ? Role.of(caller) : withoutToken.map(Caller::role);
        if (role.isPresent() && role.get().allows(required)) {
            return dataFetcher;
        }
        String message = type + "." + field + " needs the " + required + " role; "
                + role.map(has -> "this caller is a " + has).orElse("this caller has no role");
        return environment -> DataFetcherResult.newResult()
                .error(GraphqlErrors.coded("FORBIDDEN", ErrorType.PERMISSION_DENIED, message,
                        environment.getExecutionStepInfo().getPath(), Map.of()))
                .build();
    }
}
