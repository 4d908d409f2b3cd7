package dev.trafficlens.graphql.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses queries too deep or too large before any field runs, so that a hostile or careless query (deep nesting,
 * thousands of aliases) costs the service almost nothing: {@code trafficlens.limits.max-query-depth} and
 * {@code trafficlens.limits.max-query-complexity} (one point per selected field, aliases included).
 *
 * <p>Each check walks the whole operation, arguments coerced, which cost a warm dashboard request about a sixth of
 * its time (docs/performance.md). An operation that passed is remembered by its parsed document (the same object
 * while the preparsed-document cache holds it), operation name and variables, which together fix its shape
 * ({@code @include}/{@code @skip} read variables), and is not walked again.
 */
@Configuration(proxyBeanMethods = false)
public class QueryShapeLimits {

    /** Distinct operations remembered per limit; a dashboard sends a handful. */
    private static final int REMEMBERED_SHAPES = 1_000;

    @Bean
    Instrumentation maxQueryDepth(TrafficlensProperties properties) {
        PassedShapes passed = new PassedShapes();
        return new MaxQueryDepthInstrumentation(properties.limits().maxQueryDepth()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return passed.checkOnce(parameters, () -> super.beginExecuteOperation(parameters, state));
            }
        };
    }

    @Bean
    Instrumentation maxQueryComplexity(TrafficlensProperties properties) {
        PassedShapes passed = new PassedShapes();
        return new MaxQueryComplexityInstrumentation(properties.limits().maxQueryComplexity()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return passed.checkOnce(parameters, () -> super.beginExecuteOperation(parameters, state));
            }
        };
    }

    /** What fixes an operation's shape; documents compare by identity. */
    private record Shape(Document document, String operationName, Map<String, Object> variables) {
    }

    /** The operations that passed one limit. */
    private static final class PassedShapes {

        private final Cache<Shape, Boolean> passed = Caffeine.newBuilder().maximumSize(REMEMBERED_SHAPES).build();

        /** Runs {@code check} (which throws to refuse) unless this operation passed it before. */
        InstrumentationContext<ExecutionResult> checkOnce(InstrumentationExecuteOperationParameters parameters,
                                                          Supplier<InstrumentationContext<ExecutionResult>> check) {
            ExecutionContext execution = parameters.getExecutionContext();
            Shape shape = new Shape(execution.getDocument(), execution.getExecutionInput().getOperationName(),
                    execution.getCoercedVariables().toMap());
            if (passed.getIfPresent(shape) != null) {
                return SimpleInstrumentationContext.noOp();
            }
            InstrumentationContext<ExecutionResult> context = check.get();
            passed.put(shape, Boolean.TRUE);
            return context;
        }
    }
}
