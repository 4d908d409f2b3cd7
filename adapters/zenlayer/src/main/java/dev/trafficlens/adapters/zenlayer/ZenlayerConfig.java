package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.HttpSettings;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Zenlayer adapter reaches Zenlayer Cloud API 2.0: the endpoint (the public console host by default), the
 * access key pair, timeouts, the client-side rate limit, retries, and the clock that stamps each signature.
 */
public final class ZenlayerConfig {

    /** The public API host; the adapter appends {@code /api/v2/sdn}. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://console.zenlayer.com");

    private final URI endpoint;
    private final String accessKeyId;
    private final Secret accessKeyPassword;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RateLimit rateLimit;
    private final RetryPolicy retryPolicy;
    private final Clock clock;

    private ZenlayerConfig(Builder builder) {
        this.endpoint = builder.endpoint;
        this.accessKeyId = builder.accessKeyId;
        this.accessKeyPassword = builder.accessKeyPassword;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.rateLimit = builder.rateLimit;
        this.retryPolicy = builder.retryPolicy;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public Secret accessKeyPassword() {
        return accessKeyPassword;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public RateLimit rateLimit() {
        return rateLimit;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The clock whose Unix seconds go into {@code X-ZC-Timestamp}; Zenlayer refuses signatures over 5 minutes off. */
    public Clock clock() {
        return clock;
    }

    public HttpSettings httpSettings() {
        return new HttpSettings(endpoint, connectTimeout, requestTimeout, rateLimit, retryPolicy);
    }

    @Override
    public String toString() {
        return "ZenlayerConfig[endpoint=" + endpoint + ", accessKeyId=" + accessKeyId
                + ", accessKeyPassword=" + accessKeyPassword + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", rateLimit=" + rateLimit + ", retryPolicy=" + retryPolicy
                + ", clock=" + clock + "]";
    }

    /** Collects the settings; only the access key id and password have no default. */
    public static final class Builder {

        private static final HttpSettings DEFAULTS = HttpSettings.defaults(
                DEFAULT_ENDPOINT, Source.ZENLAYER_PRIVATE_CONNECT.limits().rateLimit());

        private URI endpoint = DEFAULT_ENDPOINT;
        private String accessKeyId;
        private Secret accessKeyPassword;
        private Duration connectTimeout = DEFAULTS.connectTimeout();
        private Duration requestTimeout = DEFAULTS.requestTimeout();
        // Both sdn sources answer to the same key; one limit for the key keeps the pair within Zenlayer's quota.
        private RateLimit rateLimit = DEFAULTS.rateLimit();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The base URL, such as {@code https://console.zenlayer.com} or a simulator's {@code http://127.0.0.1:8080}. */
        public Builder endpoint(URI value) {
            this.endpoint = Objects.requireNonNull(value, "endpoint");
            return this;
        }

        public Builder endpoint(String value) {
            return endpoint(URI.create(Objects.requireNonNull(value, "endpoint")));
        }

        public Builder accessKeyId(String value) {
            this.accessKeyId = value;
            return this;
        }

        public Builder accessKeyPassword(String value) {
            this.accessKeyPassword = value == null || value.isBlank() ? null : Secret.of(value);
            return this;
        }

        public Builder accessKeyPassword(Secret value) {
            this.accessKeyPassword = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        public Builder rateLimit(RateLimit value) {
            this.rateLimit = Objects.requireNonNull(value, "rateLimit");
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The config; refuses a missing access key id or password, naming the field. */
        public ZenlayerConfig build() {
            if (accessKeyId == null || accessKeyId.isBlank()) {
                throw new IllegalArgumentException(
                        "accessKeyId: expected the Zenlayer access key id (AccessKeyId), got nothing");
            }
            if (accessKeyPassword == null) {
                throw new IllegalArgumentException(
                        "accessKeyPassword: expected the Zenlayer access key password (AccessKeyPassword), got nothing");
            }
            ZenlayerConfig config = new ZenlayerConfig(this);
            config.httpSettings(); // refuses a bad endpoint now rather than at the first call
            return config;
        }

        private static Duration positive(Duration value, String field) {
            Objects.requireNonNull(value, field);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(field + ": expected a positive duration, got " + value);
            }
            return value;
        }
    }
}
