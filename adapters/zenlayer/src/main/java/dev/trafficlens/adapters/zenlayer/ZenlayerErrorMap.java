package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.VendorResponses;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Zenlayer's error codes (the two traffic APIs' own and the common ones, docs/vendors.md) as the domain's error
 * kinds, worded for people. The code and request id always travel with the failure, so an operator can quote them.
 */
final class ZenlayerErrorMap {

    static final String THROTTLED = "REQUEST_LIMIT_EXCEEDED";

    private static final Set<String> NOT_FOUND = Set.of(
            "INVALID_PRIVATE_CONNECT_NOT_FOUND",
            "INVALID_DATACENTER_NOT_FOUND",
            "OPERATION_FAILED_RESOURCE_NOT_FOUND",
            "OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND");
    private static final Set<String> BUSY = Set.of(
            "INTERNAL_SERVER_ERROR",
            "SERVICE_TEMPORARY_UNAVAILABLE",
            "REQUEST_TIMED_OUT");
    private static final String OUT_OF_RETENTION = "TIME_OUT_OF_RANGE";

    private ZenlayerErrorMap() {
    }

    /** What an error envelope means for this call: a final failure, or one worth retrying. */
    static <T> Attempt<T> attempt(Source source, String subject, int status, ZenlayerError error,
                                  Optional<Duration> retryAfter) {
        ErrorKind kind = kindOf(status, error.code());
        SourceFailure failure = failure(kind, source, subject, status, error);
        if (kind == ErrorKind.RATE_LIMITED) {
            return Attempt.retryable(retryAfter.map(failure::withRetryAfter).orElse(failure));
        }
        return kind == ErrorKind.VENDOR_UNAVAILABLE ? Attempt.retryable(failure) : Attempt.failure(failure);
    }

    /** The failure for {@code error}, of the given kind, carrying the vendor's code and request id. */
    static SourceFailure failure(ErrorKind kind, Source source, String subject, int status, ZenlayerError error) {
        SourceFailure failure = SourceFailure.of(kind, source, describe(source, subject, status, error))
                .withVendorCode(error.code());
        return error.requestId().map(failure::withRequestId).orElse(failure);
    }

    static ErrorKind kindOf(int status, String code) {
        if (THROTTLED.equals(code) || status == 429) {
            return ErrorKind.RATE_LIMITED;
        }
        if (BUSY.contains(code) || status >= 500) {
            return ErrorKind.VENDOR_UNAVAILABLE;
        }
        if (isAuthFailure(code) || status == 401) {
            return ErrorKind.UNAUTHENTICATED;
        }
        // Undocumented "…_NOT_FOUND" codes (an unknown cloud router, say) follow the documented ones' naming.
        if (NOT_FOUND.contains(code) || code.endsWith("_NOT_FOUND")) {
            return ErrorKind.NOT_FOUND;
        }
        if (OUT_OF_RETENTION.equals(code)) {
            return ErrorKind.OUT_OF_RETENTION;
        }
        return ErrorKind.VENDOR_ERROR;
    }

    private static boolean isAuthFailure(String code) {
        return code.startsWith("AUTHFAILURE");
    }

    private static String describe(Source source, String subject, int status, ZenlayerError error) {
        String said = error.message()
                // An authentication failure's text may quote what was signed; it is not repeated.
                .filter(text -> !isAuthFailure(error.code()))
                .map(VendorResponses::shortened)
                .map(text -> "; Zenlayer says: " + text)
                .orElse("");
        return source.id() + " " + subject + ": " + meaning(error.code()) + " (" + error.code() + ", HTTP " + status
                + said + ")";
    }

    private static String meaning(String code) {
        return switch (code) {
            case "INVALID_PRIVATE_CONNECT_NOT_FOUND" -> "Zenlayer has no such private connect";
            case "INVALID_DATACENTER_NOT_FOUND" -> "Zenlayer has no such data centre";
            case "OPERATION_FAILED_RESOURCE_NOT_FOUND" -> "Zenlayer has no such resource";
            case "OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND" -> "Zenlayer has no such resource group";
            case "TIME_OUT_OF_RANGE" -> "the window reaches further back than the 30 days Zenlayer keeps";
            case "INVALID_TIME_RANGE" -> "Zenlayer refused the window as longer than the one day a call may span";
            case "INVALID_START_TIME_MUST_BEFORE_END_TIME" -> "Zenlayer refused the start time as not before the end time";
            case "INVALID_TIME_FORMAT" -> "Zenlayer refused the format of the start or end time";
            case "MISSING_PARAMETER" -> "Zenlayer says a required parameter is missing";
            case "AUTHFAILURE_SIGNATURE_EXPIRED" ->
                    "Zenlayer refused the signature as expired: this machine's clock is more than 5 minutes off";
            case THROTTLED -> "Zenlayer is throttling this access key";
            case "INTERNAL_SERVER_ERROR" -> "Zenlayer failed internally";
            case "SERVICE_TEMPORARY_UNAVAILABLE" -> "Zenlayer is temporarily unavailable";
            case "REQUEST_TIMED_OUT" -> "Zenlayer timed out answering";
            default -> isAuthFailure(code) ? "Zenlayer refused the access key or its signature"
                    : code.startsWith("INVALID_PARAMETER") ? "Zenlayer refused a parameter"
                    : code.endsWith("_NOT_FOUND") ? "Zenlayer does not know the resource"
                    : "Zenlayer refused the request";
        };
    }

}
