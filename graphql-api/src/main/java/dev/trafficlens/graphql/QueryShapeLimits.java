package dev.trafficlens.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Refuses queries too deep or too large before any field runs, so that a hostile or careless query (deep nesting,
 * thousands of aliases) costs the service almost nothing: {@code trafficlens.limits.max-query-depth} and
 * {@code trafficlens.limits.max-query-complexity} (one point per selected field, aliases included).
 */
@Configuration(proxyBeanMethods = false)
public class QueryShapeLimits {

    /** Data queries need 5 levels; the introspection queries of common GraphQL tools reach about 13. */
    static final int DEFAULT_MAX_DEPTH = 15;
    /** A five-source dashboard query with series, stats and billing selects about 100 fields. */
    static final int DEFAULT_MAX_COMPLEXITY = 2_000;

    @Bean
    Instrumentation maxQueryDepth(Environment environment) {
        return new MaxQueryDepthInstrumentation(
                environment.getProperty("trafficlens.limits.max-query-depth", Integer.class, DEFAULT_MAX_DEPTH));
    }

    @Bean
    Instrumentation maxQueryComplexity(Environment environment) {
        return new MaxQueryComplexityInstrumentation(environment.getProperty(
                "trafficlens.limits.max-query-complexity", Integer.class, DEFAULT_MAX_COMPLEXITY));
    }
}
