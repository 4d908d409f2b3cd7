package dev.trafficlens.graphql.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * In sandbox mode every GraphQL response says so in {@code extensions.trafficlens.sandbox: true}, so a client that
 * shows or stores the figures can tell that they are simulated. It runs first, so answers refused before execution
 * (too many requests in flight) carry it too.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(VendorMode.OnSandbox.class)
public class SandboxResponses {

    /** What every sandbox response adds under {@code extensions}. */
    static final Map<String, Object> MARK = Map.of("trafficlens", Map.of("sandbox", true));

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebGraphQlInterceptor markSandboxResponses() {
        return (request, chain) -> chain.next(request).map(response -> response.transform(builder -> {
            Map<Object, Object> extensions = new LinkedHashMap<>(response.getExecutionResult().getExtensions() == null
                    ? Map.of() : response.getExecutionResult().getExtensions());
            extensions.putAll(MARK);
            builder.extensions(extensions);
        }));
    }
}
