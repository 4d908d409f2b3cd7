package dev.trafficlens.adapters.qingcloud;

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
 * How the QingCloud adapter reaches the IaaS API: endpoint, access key pair, timeouts, rate limit, retries and the
 * clock that stamps each signed request. Immutable; built with {@link #builder()}. Never prints the secret.
 */
public final class QingCloudConfig {

    /** QingCloud's public API host; {@code /iaas/} is appended to whatever endpoint is configured. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://api.qingcloud.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final URI endpoint;
    private final String accessKeyId;
    private final Secret secretAccessKey;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RateLimit rateLimit;
    private final RetryPolicy retryPolicy;
    private final Clock clock;

    private QingCloudConfig(Builder builder) {
        this.endpoint = builder.endpoint;
        this.accessKeyId = builder.accessKeyId;
        this.secretAccessKey = builder.secretAccessKey;
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

    public Secret secretAccessKey() {
        return secretAccessKey;
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

    /** The clock whose time goes into each request's {@code time_stamp}. */
    public Clock clock() {
        return clock;
    }

    public HttpSettings httpSettings() {
        return new HttpSettings(endpoint, connectTimeout, requestTimeout, rateLimit, retryPolicy);
    }

    @Override
    public String toString() {
        return "QingCloudConfig[endpoint=" + endpoint + ", accessKeyId=" + accessKeyId + ", secretAccessKey="
                + secretAccessKey + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", rateLimit=" + rateLimit + ", retryPolicy=" + retryPolicy + "]";
    }

    /** Collects the settings; {@link #build()} refuses missing credentials and endpoints that are not http(s). */
    public static final class Builder {

        private URI endpoint = DEFAULT_ENDPOINT;
        private String accessKeyId;
        private Secret secretAccessKey;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RateLimit rateLimit = Source.QINGCLOUD_WAN.limits().rateLimit();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Base URL such as {@code https://api.qingcloud.com} or {@code http://127.0.0.1:8080}; default the former. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        public Builder endpoint(String endpoint) {
            return endpoint(URI.create(Objects.requireNonNull(endpoint, "endpoint")));
        }

        public Builder accessKeyId(String accessKeyId) {
            this.accessKeyId = accessKeyId;
            return this;
        }

        public Builder secretAccessKey(Secret secretAccessKey) {
            this.secretAccessKey = secretAccessKey;
            return this;
        }

        public Builder secretAccessKey(String secretAccessKey) {
            this.secretAccessKey = secretAccessKey == null || secretAccessKey.isBlank()
                    ? null : Secret.of(secretAccessKey);
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long one attempt may take, connection included; retries get their own. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** Client-side limit shared by every adapter using this access key; default the source's own limit. */
        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public QingCloudConfig build() {
            if (accessKeyId == null || accessKeyId.isBlank()) {
                throw new IllegalArgumentException("accessKeyId: expected QingCloud's access key id, got none");
            }
            if (secretAccessKey == null) {
                throw new IllegalArgumentException("secretAccessKey: expected QingCloud's secret access key, got none");
            }
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("requestTimeout", requestTimeout);
            QingCloudConfig config = new QingCloudConfig(this);
            config.httpSettings(); // refuses endpoints that are not http(s) base URLs, naming the field
            return config;
        }

        private static void requirePositive(String field, Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + ": expected a positive duration, got " + value);
            }
        }
    }
}
