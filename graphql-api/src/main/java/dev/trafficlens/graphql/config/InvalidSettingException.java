package dev.trafficlens.graphql.config;

/**
 * A configuration value the service refuses to start with. Its message names the key and what was expected, and
 * {@link InvalidSettingFailureAnalyzer} prints that message alone when start-up fails.
 */
public class InvalidSettingException extends IllegalArgumentException {

    public InvalidSettingException(String message) {
        super(message);
    }

    public InvalidSettingException(String message, Throwable cause) {
        super(message, cause);
    }
}
