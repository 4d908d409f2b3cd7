package dev.trafficlens.adapters.support;

import dev.trafficlens.domain.model.RateLimit;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * What every adapter's config holds: how to reach the vendor, the clock that stamps each signature and the key pair,
 * as collected by a {@link VendorConfigBuilder}. A vendor's config extends it and publishes the key pair under its
 * vendor's names.
 */
public abstract class VendorConfig {

    private final HttpSettings http;
    private final Clock clock;
    private final String keyId;
    private final Secret keySecret;

    protected VendorConfig(VendorConfigBuilder<?> builder) {
        this.http = builder.httpSettings();
        this.clock = builder.clock();
        this.keyId = builder.keyId;
        this.keySecret = builder.keySecret;
    }

    /** The key pair's public half; safe to print. */
    protected final String keyId() {
        return keyId;
    }

    /** The key pair's secret half; prints as {@code ******}. */
    protected final Secret keySecret() {
        return keySecret;
    }

    public URI endpoint() {
        return http.endpoint();
    }

    public Duration connectTimeout() {
        return http.connectTimeout();
    }

    public Duration requestTimeout() {
        return http.requestTimeout();
    }

    public RateLimit rateLimit() {
        return http.rateLimit();
    }

    public RetryPolicy retryPolicy() {
        return http.retryPolicy();
    }

    /** The clock whose time goes into each signature, and that the circuit breakers measure their open time with. */
    public Clock clock() {
        return clock;
    }

    public HttpSettings httpSettings() {
        return http;
    }

    /** The connection part of a config's {@code toString}: no credential is in it. */
    protected String describeConnection() {
        return "connectTimeout=" + http.connectTimeout() + ", requestTimeout=" + http.requestTimeout()
                + ", rateLimit=" + http.rateLimit() + ", retryPolicy=" + http.retryPolicy() + ", clock=" + clock;
    }
}
