package dev.trafficlens.adapters.support;

import dev.trafficlens.domain.model.RateLimit;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every adapter's config builder collects: where the vendor is, how long to wait, how fast and how often to call,
 * the clock that stamps signatures, and the key pair. A vendor's builder extends it and names the key pair's two
 * halves as its vendor does (a SecretId and SecretKey, an AccessKeyId and AccessKeyPassword, ...).
 */
public abstract class VendorConfigBuilder<B extends VendorConfigBuilder<B>> {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private URI endpoint;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private RateLimit rateLimit;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private CircuitBreakerPolicy circuitBreaker = CircuitBreakerPolicy.DEFAULT;
    private ExchangeListener exchangeListener = ExchangeListener.NONE;
    String keyId;
    Secret keySecret;

    protected VendorConfigBuilder(URI defaultEndpoint, RateLimit defaultRateLimit) {
        this.endpoint = Objects.requireNonNull(defaultEndpoint, "defaultEndpoint");
        this.rateLimit = Objects.requireNonNull(defaultRateLimit, "defaultRateLimit");
    }

    /** A base URL such as the vendor's public host or a simulator's {@code http://127.0.0.1:8089}. */
    public B endpoint(URI value) {
        this.endpoint = Objects.requireNonNull(value, "endpoint");
        return self();
    }

    public B endpoint(String value) {
        return endpoint(URI.create(Objects.requireNonNull(value, "endpoint")));
    }

    /** TCP/TLS connect timeout. */
    public B connectTimeout(Duration value) {
        this.connectTimeout = positive(value, "connectTimeout");
        return self();
    }

    /** The time one HTTP attempt may take. */
    public B requestTimeout(Duration value) {
        this.requestTimeout = positive(value, "requestTimeout");
        return self();
    }

    /** The client-side limit, shared by every adapter of the process using the same credential. */
    public B rateLimit(RateLimit value) {
        this.rateLimit = Objects.requireNonNull(value, "rateLimit");
        return self();
    }

    public B retryPolicy(RetryPolicy value) {
        this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
        return self();
    }

    /** The clock whose time goes into each signature, and that the circuit breakers measure their open time with. */
    public B clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return self();
    }

    /** When to stop calling a source that keeps failing, and for how long; {@link CircuitBreakerPolicy#OFF} never does. */
    public B circuitBreaker(CircuitBreakerPolicy value) {
        this.circuitBreaker = Objects.requireNonNull(value, "circuitBreaker");
        return self();
    }

    /** Told about every HTTP attempt (latency, status, retries), e.g. to record metrics; none by default. */
    public B exchangeListener(ExchangeListener value) {
        this.exchangeListener = Objects.requireNonNull(value, "exchangeListener");
        return self();
    }

    /** The connection settings collected so far; refuses an endpoint that is not an http(s) base URL, naming it. */
    public HttpSettings httpSettings() {
        return new HttpSettings(
                endpoint, connectTimeout, requestTimeout, rateLimit, retryPolicy, circuitBreaker, exchangeListener);
    }

    public Clock clock() {
        return clock;
    }

    /** The key pair's public half, under the vendor's name for it; checked by {@link #requireKeyPair}. */
    protected final B keyId(String value) {
        this.keyId = value;
        return self();
    }

    /** The key pair's secret half, under the vendor's name for it; checked by {@link #requireKeyPair}. */
    protected final B keySecret(Secret value) {
        this.keySecret = value;
        return self();
    }

    /** The secret half given as text; refuses nothing or a blank value, naming {@code field}. */
    protected final B keySecret(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": expected a non-empty secret, got "
                    + (value == null ? "nothing" : "a blank value"));
        }
        return keySecret(Secret.of(value));
    }

    /**
     * Refuses a key pair with a half missing, naming every missing field (as the vendor's builder calls them) and
     * then {@code expected}, such as "expected the Zenlayer access key pair (...), got nothing".
     */
    protected final void requireKeyPair(String idField, String secretField, String expected) {
        List<String> missing = new ArrayList<>();
        if (keyId == null || keyId.isBlank()) {
            missing.add(idField);
        }
        if (keySecret == null) {
            missing.add(secretField);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", missing) + ": " + expected);
        }
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    private static Duration positive(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + ": expected a positive duration, got " + value);
        }
        return value;
    }
}
