package dev.trafficlens.domain.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A source could not deliver: the vendor refused, failed or answered nonsense. Keeps the vendor's own error code and
 * request id, so an operator can quote them to the vendor, and how long the vendor asked us to wait, if it did.
 */
public record SourceFailure(
        ErrorKind kind,
        Source source,
        String message,
        Optional<String> vendorCode,
        Optional<String> requestId,
        Optional<Duration> retryAfter) implements TrafficError {

    public SourceFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(vendorCode, "vendorCode");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (kind == ErrorKind.INVALID_QUERY) {
            throw new IllegalArgumentException("kind: a query's own mistakes are QueryProblems, not SourceFailures");
        }
    }

    public static SourceFailure of(ErrorKind kind, Source source, String message) {
        return new SourceFailure(kind, source, message, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SourceFailure withMessage(String newMessage) {
        return new SourceFailure(kind, source, newMessage, vendorCode, requestId, retryAfter);
    }

    public SourceFailure withVendorCode(String code) {
        return new SourceFailure(kind, source, message, Optional.of(code), requestId, retryAfter);
    }

    public SourceFailure withRequestId(String id) {
        return new SourceFailure(kind, source, message, vendorCode, Optional.of(id), retryAfter);
    }

    public SourceFailure withRetryAfter(Duration wait) {
        return new SourceFailure(kind, source, message, vendorCode, requestId, Optional.of(wait));
    }
}
