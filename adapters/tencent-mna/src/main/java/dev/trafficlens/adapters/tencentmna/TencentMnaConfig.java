package dev.trafficlens.adapters.tencentmna;

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
 * How to reach Tencent Cloud Multi-Network Aggregation: endpoint, API key (SecretId and SecretKey), timeouts, the
 * client-side rate limit, retries, and the clock that dates each signature. Immutable; build it with
 * {@link #builder()}.
 */
public final class TencentMnaConfig {

    /** The international API host, as the seed document names it (the Chinese site's is mna.tencentcloudapi.com). */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://mna.intl.tencentcloudapi.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final URI endpoint;
    private final String secretId;
    private final Secret secretKey;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RateLimit rateLimit;
    private final RetryPolicy retryPolicy;
    private final Clock clock;

    private TencentMnaConfig(Builder builder) {
        this.endpoint = builder.endpoint;
        this.secretId = builder.secretId;
        this.secretKey = builder.secretKey;
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

    /** The API key's public half; it names the credential in rate limits and in the Authorization header. */
    public String secretId() {
        return secretId;
    }

    public Secret secretKey() {
        return secretKey;
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

    /** Dates each signature (X-TC-Timestamp) and says where "now" is when a window reaches into the future. */
    public Clock clock() {
        return clock;
    }

    public HttpSettings httpSettings() {
        return new HttpSettings(endpoint, connectTimeout, requestTimeout, rateLimit, retryPolicy);
    }

    @Override
    public String toString() {
        return "TencentMnaConfig[endpoint=" + endpoint + ", secretId=" + secretId + ", secretKey=" + secretKey
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", rateLimit=" + rateLimit + ", retryPolicy=" + retryPolicy + ", clock=" + clock + "]";
    }

    /** Collects the settings; only the two halves of the API key have no default. */
    public static final class Builder {

        private URI endpoint = DEFAULT_ENDPOINT;
        private String secretId;
        private Secret secretKey;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RateLimit rateLimit = Source.TENCENT_MNA_REGION.limits().rateLimit();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The base URL; the API's path {@code /} is appended, so {@code http://127.0.0.1:8080} works too. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        public Builder endpoint(String endpoint) {
            return endpoint(URI.create(Objects.requireNonNull(endpoint, "endpoint")));
        }

        public Builder secretId(String secretId) {
            this.secretId = secretId;
            return this;
        }

        public Builder secretKey(Secret secretKey) {
            this.secretKey = secretKey;
            return this;
        }

        public Builder secretKey(String secretKey) {
            if (secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("secretKey: expected the SecretKey of a Tencent Cloud API key, "
                        + "got nothing");
            }
            return secretKey(Secret.of(secretKey));
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /** Calls per period for this SecretId; an account with a raised quota may allow more than the 20/s default. */
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

        /** The config; refuses a missing SecretId or SecretKey, or an endpoint that is not an http(s) base URL. */
        public TencentMnaConfig build() {
            if (secretId == null || secretId.isBlank()) {
                throw new IllegalArgumentException("secretId: expected the SecretId of a Tencent Cloud API key, "
                        + "got nothing");
            }
            if (secretKey == null) {
                throw new IllegalArgumentException("secretKey: expected the SecretKey of a Tencent Cloud API key, "
                        + "got nothing");
            }
            TencentMnaConfig config = new TencentMnaConfig(this);
            config.httpSettings(); // refuses a bad endpoint now rather than at the first call
            return config;
        }

        private static Duration positive(String name, Duration timeout) {
            Objects.requireNonNull(timeout, name);
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException(name + ": expected a positive duration, got " + timeout);
            }
            return timeout;
        }
    }
}
