package dev.trafficlens.adapters.tencentmna;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.VendorResponses;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import java.util.Optional;

/**
 * The API 3.0 error codes GetFlowStatisticByRegion answers (its own and the common ones), as domain error kinds.
 * Families are matched by their dotted prefix: {@code AuthFailure.SignatureExpire} is an {@code AuthFailure}.
 */
final class TencentMnaErrorMap {

    private static final Source SOURCE = Source.TENCENT_MNA_REGION;

    private TencentMnaErrorMap() {
    }

    static ErrorKind kindOf(String code) {
        if (isIn(code, "AuthFailure") || isIn(code, "UnauthorizedOperation")) {
            return ErrorKind.UNAUTHENTICATED;
        }
        if (isIn(code, "RequestLimitExceeded")) {
            return ErrorKind.RATE_LIMITED;
        }
        if (isIn(code, "InternalError")) {
            return ErrorKind.VENDOR_UNAVAILABLE;
        }
        if (isIn(code, "ResourceNotFound") || code.equals("OperationDenied.DeviceNotFound")) {
            return ErrorKind.NOT_FOUND;
        }
        if (code.equals("InvalidParameterValue.TimeTooEarly")) {
            return ErrorKind.OUT_OF_RETENTION;
        }
        // Parameter errors (TimeSpanExceeded, TimeFuture, InvalidParameter, MissingParameter, UnknownParameter) are
        // ours to fix, and anything else is the vendor's to explain: both keep the code for the operator.
        return ErrorKind.VENDOR_ERROR;
    }

    /** Throttling passes and internal errors are often transient; every other answer would only repeat itself. */
    static boolean isRetryable(ErrorKind kind) {
        return kind == ErrorKind.RATE_LIMITED || kind == ErrorKind.VENDOR_UNAVAILABLE;
    }

    /** The failure for the vendor's {@code code}, worded for a person, keeping the code and the request id. */
    static <T> Attempt<T> attempt(
            String code, Optional<String> vendorMessage, Optional<String> requestId, Metric metric) {
        ErrorKind kind = kindOf(code);
        String said = vendorMessage.map(VendorResponses::shortened).filter(text -> !text.isEmpty())
                .map(text -> ": " + text).orElse("");
        SourceFailure failure = SourceFailure.of(kind, SOURCE,
                SOURCE.id() + " " + whatHappened(kind) + " while reading " + metric + " (" + code + said + ")")
                .withVendorCode(code);
        SourceFailure identified = requestId.map(failure::withRequestId).orElse(failure);
        return isRetryable(kind) ? Attempt.retryable(identified) : Attempt.failure(identified);
    }

    private static String whatHappened(ErrorKind kind) {
        return switch (kind) {
            case UNAUTHENTICATED -> "refused the credentials or the signature";
            case RATE_LIMITED -> "is throttling requests";
            case VENDOR_UNAVAILABLE -> "failed internally";
            case NOT_FOUND -> "does not know the gateway or region asked for";
            case OUT_OF_RETENTION -> "keeps no data that far back";
            default -> "refused the request";
        };
    }

    private static boolean isIn(String code, String family) {
        return code.equals(family) || code.startsWith(family + ".");
    }

}
