package dev.trafficlens.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A misbehaviour to inject: for requests whose resource id matches {@code resourcePattern} (a regex; {@code .*} for
 * every request), wait {@code latency}, then answer with {@code kind} instead of the normal answer.
 */
public record FaultRule(Pattern resourcePattern, Duration latency, Kind kind) {

    /** What the sandbox answers instead. */
    public enum Kind {
        /** The normal answer, only later. */
        NONE,
        /** The vendor's internal error (HTTP 5xx, or its error code). */
        SERVER_ERROR,
        /** The vendor's throttling answer (HTTP 429 or its throttling code). */
        THROTTLED,
        /** No answer until the client gives up (the connection is held for a minute). */
        TIMEOUT,
        /** HTTP 200 with a body that is not JSON. */
        MALFORMED,
        /** The normal answer cut in half. */
        TRUNCATED,
        /** The connection closed without an answer, as a peer resetting it. */
        DISCONNECT
    }

    public FaultRule {
        Objects.requireNonNull(resourcePattern, "resourcePattern");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(kind, "kind");
    }

    public static FaultRule forResources(String regex, Kind kind) {
        return new FaultRule(Pattern.compile(regex), Duration.ZERO, kind);
    }

    /** Every request of the sandbox. */
    public static FaultRule everywhere(Kind kind) {
        return forResources(".*", kind);
    }

    public FaultRule withLatency(Duration wait) {
        return new FaultRule(resourcePattern, wait, kind);
    }

    Optional<FaultRule> matching(String resourceId) {
        return resourcePattern.matcher(resourceId).matches() ? Optional.of(this) : Optional.empty();
    }

    /** Reads {@code KIND[:LATENCY_MS]@REGEX}, as given on the command line. */
    public static FaultRule parse(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("--fault: expected KIND[:LATENCY_MS]@REGEX, got " + text);
        }
        String[] head = text.substring(0, at).split(":");
        Kind kind = Kind.valueOf(head[0].trim().toUpperCase(java.util.Locale.ROOT));
        Duration latency = head.length > 1 ? Duration.ofMillis(Long.parseLong(head[1].trim())) : Duration.ZERO;
        return new FaultRule(Pattern.compile(text.substring(at + 1)), latency, kind);
    }
}
