package dev.trafficlens.adapters.support;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Readings of an HTTP response every vendor shares: transport-level failures, Retry-After, body excerpts. */
public final class VendorResponses {

    private static final int EXCERPT_LENGTH = 160;

    private VendorResponses() {
    }

    /**
     * HTTP 429 as retryable throttling, 5xx as a retryable outage; empty for anything the vendor's own error map
     * should read.
     */
    public static <T> Optional<Attempt<T>> transportFailure(Source source, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 429) {
            SourceFailure throttled = SourceFailure.of(ErrorKind.RATE_LIMITED, source,
                    source.id() + " is throttling requests (HTTP 429)");
            return Optional.of(Attempt.retryable(
                    retryAfter(response).map(throttled::withRetryAfter).orElse(throttled)));
        }
        if (status >= 500) {
            return Optional.of(Attempt.retryable(SourceFailure.of(ErrorKind.VENDOR_UNAVAILABLE, source,
                    source.id() + " answered HTTP " + status + ": " + excerpt(response.body()))));
        }
        return Optional.empty();
    }

    /** The Retry-After header as a wait, in seconds or as an HTTP date, if present and sensible. */
    public static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(VendorResponses::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** The start of a body, on one line, for error messages: enough to recognise it, too short to flood a log. */
    public static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        return shortened(new String(body, 0, Math.min(body.length, EXCERPT_LENGTH * 4), StandardCharsets.UTF_8));
    }

    /** A vendor's own message on one line and cut to the excerpt's length, so a verbose vendor cannot flood a log. */
    public static String shortened(String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() > EXCERPT_LENGTH ? oneLine.substring(0, EXCERPT_LENGTH) + "…" : oneLine;
    }

    /** A failure for a body the adapter cannot read, quoting its start. */
    public static SourceFailure malformed(Source source, String problem, byte[] body) {
        return SourceFailure.of(ErrorKind.MALFORMED_RESPONSE, source,
                source.id() + " answered something unreadable (" + problem + "): " + excerpt(body));
    }
}
