package dev.trafficlens.sandbox.zenlayer;

import java.util.Arrays;
import java.util.Optional;

/**
 * The error codes the simulator answers with, each under the HTTP status Zenlayer documents for it (the two API
 * pages and the common error code page, docs/vendors.md). The wire code is the constant's name.
 */
enum ZenlayerError {
    AUTHFAILURE_INVALID_AUTHORIZATION(401, "The Authorization header is missing, malformed or names an unknown AccessKeyId."),
    AUTHFAILURE_SIGNATURE_FAILURE(401, "The signature does not match the request."),
    AUTHFAILURE_SIGNATURE_EXPIRED(401, "X-ZC-Timestamp is more than 5 minutes away from the server time."),
    MISSING_PARAMETER(400, "A required parameter is missing."),
    INVALID_PARAMETER_TYPE(400, "A parameter has the wrong type."),
    INVALID_PARAMETER_VALUE(400, "A parameter has an invalid value."),
    INVALID_TIME_FORMAT(403, "Invalid time format: expected yyyy-MM-ddTHH:mm:ssZ (UTC)."),
    INVALID_START_TIME_MUST_BEFORE_END_TIME(403, "The start time must be before the end time."),
    INVALID_TIME_RANGE(403, "Invalid time range: the query may span at most one day."),
    TIME_OUT_OF_RANGE(403, "The queried time must be within the last 30 days."),
    INVALID_PRIVATE_CONNECT_NOT_FOUND(404, "The private connect does not exist."),
    INVALID_DATACENTER_NOT_FOUND(404, "The data centre does not exist."),
    OPERATION_FAILED_RESOURCE_NOT_FOUND(404, "The resource does not exist."),
    REQUEST_LIMIT_EXCEEDED(429, "Too many requests: the request rate limit was exceeded."),
    INTERNAL_SERVER_ERROR(500, "Internal server error."),
    SERVICE_TEMPORARY_UNAVAILABLE(503, "The service is temporarily unavailable."),
    REQUEST_TIMED_OUT(503, "The request timed out."),
    /** Not Zenlayer's: the sandbox's own answer to an X-Sandbox-Scenario header it cannot read. */
    SANDBOX_INVALID_SCENARIO(400, "The X-Sandbox-Scenario header cannot be read.");

    private final int status;
    private final String defaultMessage;

    ZenlayerError(int status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    int status() {
        return status;
    }

    String defaultMessage() {
        return defaultMessage;
    }

    static Optional<ZenlayerError> byCode(String code) {
        return Arrays.stream(values()).filter(error -> error.name().equals(code)).findFirst();
    }

    /** The answer to give instead of the normal one: this code with {@code message}. */
    ZenlayerRefusal refusal(String message) {
        return new ZenlayerRefusal(this, message);
    }

    ZenlayerRefusal refusal() {
        return new ZenlayerRefusal(this, defaultMessage);
    }
}
