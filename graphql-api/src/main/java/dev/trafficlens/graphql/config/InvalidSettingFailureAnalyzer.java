package dev.trafficlens.graphql.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Start-up refused for a wrong setting ends with the setting's own message, not a stack trace. It runs before Spring's
 * bind failure analysis, which would report a refusal from {@link TrafficlensProperties} as a failure to bind the
 * whole group and could print the values bound with it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Change the setting named above (graphql-api/README.md lists every key) and start again.", cause);
    }
}
