package dev.trafficlens.adapters.support;

import dev.trafficlens.domain.model.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How an adapter reaches its vendor: the endpoint's base URL (the vendor's public host by default; any
 * {@code http://host:port} works, the adapter appends the documented path), timeouts, the client-side rate limit
 * shared by every adapter using the same credential, the retry policy, when to stop calling a failing source
 * for a while, and who is told about each attempt.
 */
public record HttpSettings(
        URI endpoint, Duration connectTimeout, Duration requestTimeout, RateLimit rateLimit, RetryPolicy retryPolicy,
        CircuitBreakerPolicy circuitBreaker, ExchangeListener listener) {

    public HttpSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(listener, "listener");
        String scheme = endpoint.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint: expected an http:// or https:// URL with a host, got " + endpoint);
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint: expected a base URL without query or fragment, got " + endpoint);
        }
    }

    /** Settings with the default circuit breaker, that nobody listens to. */
    public HttpSettings(
            URI endpoint, Duration connectTimeout, Duration requestTimeout, RateLimit rateLimit, RetryPolicy retryPolicy) {
        this(endpoint, connectTimeout, requestTimeout, rateLimit, retryPolicy, CircuitBreakerPolicy.DEFAULT,
                ExchangeListener.NONE);
    }

    public static HttpSettings defaults(URI endpoint, RateLimit rateLimit) {
        return new HttpSettings(endpoint, Duration.ofSeconds(5), Duration.ofSeconds(20), rateLimit, RetryPolicy.DEFAULT);
    }

    /** The endpoint with {@code path} appended, keeping any base path the endpoint already has. */
    public URI resolve(String path) {
        String base = endpoint.toString();
        String joined = base.endsWith("/") && path.startsWith("/") ? base + path.substring(1)
                : !base.endsWith("/") && !path.startsWith("/") ? base + "/" + path
                : base + path;
        return URI.create(joined);
    }

    /** The Host header value a vendor signs: the host, with the port when one is given. */
    public String hostHeader() {
        return endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    }
}
