package dev.trafficlens.adapters.support;

import dev.trafficlens.domain.model.Source;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Told about every HTTP attempt an adapter makes, for metrics: how long it took and what the vendor answered; and
 * about its circuit breakers opening and closing. A
 * planned call is one or more attempts; an attempt after the first is a retry. Implementations must be quick and
 * must not throw; they never see a request, a URL or a credential.
 */
public interface ExchangeListener {

    /** Listens to nothing. */
    ExchangeListener NONE = (source, attempt, took, httpStatus) -> { };

    /**
     * @param attempt    1 for the first attempt of a call, 2 for its first retry, and so on
     * @param took       from sending the request to reading the response, or to the failure
     * @param httpStatus the response's status, or empty when none came (timeout, connection refused or reset)
     */
    void attemptEnded(Source source, int attempt, Duration took, OptionalInt httpStatus);

    /**
     * The source's circuit breaker changed state: {@code CLOSED} (calling normally), {@code OPEN} (failing calls at
     * once after repeated failures) or {@code HALF_OPEN} (trying a few calls).
     */
    default void circuitChanged(Source source, String state) {
    }
}
