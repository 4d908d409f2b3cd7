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
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one place that decides, by field coordinates, which role a GraphQL field needs: every {@code Mutation} field and
 * those of {@link #EDITOR_ONLY} need {@link Role#EDITOR}, every other top-level field {@link Role#VIEWER}. A field the
 * caller may not run fails alone, at its path, with {@code extensions.code: FORBIDDEN} and {@code errorType:
 * PERMISSION_DENIED}; its data fetcher is not called. (GraphQL's null propagation still applies: a refused non-null
 * field nulls its parent, for a top-level field the whole {@code data}.)
 *
 * <p>The caller is the request's {@link Authentication} ({@link #caller}).
 */
public final class FieldAccess implements Instrumentation {

    /** The key of the caller's {@link Authentication} in the GraphQL context. */
    public static final String CALLER = FieldAccess.class.getName() + ".caller";

    /** Queries only editors may run, by coordinates; every mutation is editor-only anyway. */
    public static final Set<String> EDITOR_ONLY = Set.of(DgsConstants.QUERY.TYPE_NAME + ".auditLog");

    private final Optional<Caller> withoutToken;

    public FieldAccess(Optional<Caller> withoutToken) {
        this.withoutToken = withoutToken;
    }

    /**
     * The caller of the request {@code context} belongs to: the one {@link AccessControl} put in the GraphQL context
     * for a request over HTTP; for one run in-process (start-up's warm-up, which sets it, or a test), Spring
     * Security's context of the calling thread; else the policy's caller without a token. Empty when there is none
     * (then every field is refused).
     */
    public Optional<Authentication> caller(GraphQLContext context) {
        Authentication caller = context.get(CALLER);
        if (caller == null) {
            caller = SecurityContextHolder.getContext().getAuthentication();
        }
        return caller != null ? Optional.of(caller) : withoutToken.map(Authentication.class::cast);
    }

    /**
     * The name of {@link #caller} (a token's configured name, a JWT's subject, {@code anonymous} or {@code sandbox}),
     * as the audit log records who did something.
     */
    public Optional<String> callerName(GraphQLContext context) {
        return caller(context).map(Authentication::getName);
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
        Optional<Role> role = caller(parameters.getExecutionContext().getGraphQLContext()).flatMap(Role::of);
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
