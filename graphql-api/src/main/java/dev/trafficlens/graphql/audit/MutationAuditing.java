package dev.trafficlens.graphql.audit;

import dev.trafficlens.domain.model.AuditEntry;
import dev.trafficlens.graphql.config.AuditTrail;
import dev.trafficlens.graphql.generated.types.Bill;
import dev.trafficlens.graphql.generated.types.Link;
import dev.trafficlens.graphql.security.FieldAccess;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition.Operation;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Records every Mutation field once per execution in the audit log: {@code actor} the caller's name as access control
 * knows it ({@link FieldAccess#callerName})
 * ({@value #ANONYMOUS} without one), {@code action} the field's name, {@code target} the id it touched, and
 * {@code outcome} {@value AuditEntry#OK} or the code of its first error.
 *
 * <p>It wraps each Mutation field's data fetcher, so it sees both kinds of failure a fetcher has: errors returned in a
 * {@link DataFetcherResult} (read from {@code extensions.code}) and exceptions thrown. It is ordered last, after
 * {@link FieldAccess}, so its wrapper is the outermost: a field refused to the caller is recorded as
 * {@code FORBIDDEN}.
 *
 * <p>The target is an id, never an input: an {@code id} argument; a {@code linkIds} argument joined by commas, or
 * {@value #ALL} when absent; otherwise the id of the {@code Link} or {@code Bill} the field returned. Inputs may
 * carry secrets and are never read.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class MutationAuditing implements Instrumentation {

    static final String ANONYMOUS = "anonymous";
    static final String ALL = "all";
    /** The outcome of an exception that carries no code of its own. */
    static final String INTERNAL = "INTERNAL";

    private final AuditTrail trail;
    private final Clock clock;
    private final FieldAccess access;

    public MutationAuditing(AuditTrail trail, Clock clock, FieldAccess access) {
        this.trail = trail;
        this.clock = clock;
        this.access = access;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        // Queries are most fields by far (a dashboard's series and points): they leave at the cheapest check.
        if (parameters.getExecutionContext().getOperationDefinition().getOperation() != Operation.MUTATION) {
            return fetcher;
        }
        GraphQLObjectType mutation = parameters.getExecutionContext().getGraphQLSchema().getMutationType();
        GraphQLObjectType parent = parameters.getExecutionStepInfo().getObjectType();
        if (mutation == null || parent == null || !mutation.getName().equals(parent.getName())) {
            return fetcher;
        }
        return env -> audited(fetcher, env);
    }

    private Object audited(DataFetcher<?> fetcher, DataFetchingEnvironment env) throws Exception {
        Object result;
        try {
            result = fetcher.get(env);
        } catch (Exception | Error failure) {
            record(env, null, codeOf(failure));
            throw failure;
        }
        if (result instanceof CompletionStage<?> later) {
            return later.whenComplete((value, failure) ->
                    record(env, value, failure == null ? outcome(value) : codeOf(failure)));
        }
        record(env, result, outcome(result));
        return result;
    }

    private void record(DataFetchingEnvironment env, Object result, String outcome) {
        trail.record(new AuditEntry(clock.instant(), clipped(actor(env), AuditEntry.MAX_ACTOR_LENGTH),
                env.getFieldDefinition().getName(), target(env, result),
                clipped(outcome, AuditEntry.MAX_OUTCOME_LENGTH)));
    }

    /** The caller's name, as access control knows it; {@value #ANONYMOUS} when there is none. */
    private String actor(DataFetchingEnvironment env) {
        return access.callerName(env.getGraphQlContext()).filter(name -> !name.isBlank()).orElse(ANONYMOUS);
    }

    private static String target(DataFetchingEnvironment env, Object result) {
        String target = null;
        if (env.getArgument("id") instanceof String id) {
            target = id;
        } else if (env.getFieldDefinition().getArgument("linkIds") != null) {
            target = env.getArgument("linkIds") instanceof Collection<?> ids ? String.join(",",
                    ids.stream().map(String::valueOf).toList()) : ALL;
        } else {
            Object data = result instanceof DataFetcherResult<?> fetched ? fetched.getData() : result;
            if (data instanceof Link link) {
                target = link.getId();
            } else if (data instanceof Bill bill) {
                target = bill.getId();
            }
        }
        return target == null || target.isBlank() ? null : clipped(target, AuditEntry.MAX_TARGET_LENGTH);
    }

    private static String outcome(Object result) {
        if (result instanceof DataFetcherResult<?> fetched && fetched.hasErrors()) {
            return codeOf(fetched.getErrors().get(0));
        }
        return AuditEntry.OK;
    }

    private static String codeOf(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        if (extensions != null && extensions.get("code") instanceof String code && !code.isBlank()) {
            return code;
        }
        if (extensions != null && extensions.get("errorType") != null) {
            return String.valueOf(extensions.get("errorType"));
        }
        return error.getErrorType() == null ? INTERNAL : String.valueOf(error.getErrorType());
    }

    private static String codeOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof GraphQLError error) {
            return codeOf(error);
        }
        return INTERNAL;
    }

    /** Fits {@code text} into a column, control characters replaced, so that an entry is always valid. */
    static String clipped(String text, int maxLength) {
        StringBuilder clean = new StringBuilder(Math.min(text.length(), maxLength));
        text.codePoints().limit(maxLength).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (clean.length() > maxLength) {
            clean.setLength(maxLength);
        }
        if (text.length() > maxLength) {
            clean.setCharAt(maxLength - 1, '…');
        }
        return clean.toString();
    }
}
