package dev.trafficlens.adapters.tencentvpc;

import dev.trafficlens.adapters.support.HttpSettings;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * How to reach Tencent Cloud's legacy VPC API for {@link TencentVpcTrafficSource}: endpoint, API key pair, timeouts,
 * rate limit, retries, and the clock and nonce source that go into every signature. Immutable; build with
 * {@link #builder()}.
 */
public final class TencentVpcConfig {

    /** The vendor's public host; the adapter appends {@code /v2/index.php}. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://vpc.api.qcloud.com");
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
    private final IntSupplier nonceSource;

    private TencentVpcConfig(Builder builder) {
        this.endpoint = builder.endpoint;
        this.secretId = builder.secretId;
        this.secretKey = builder.secretKey;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.rateLimit = builder.rateLimit;
        this.retryPolicy = builder.retryPolicy;
        this.clock = builder.clock;
        this.nonceSource = builder.nonceSource;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The API key's public half (an {@code AKID…}); sent with every request and safe to print. */
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

    /** The clock whose time is signed as {@code Timestamp}. */
    public Clock clock() {
        return clock;
    }

    /** Where each request's {@code Nonce} comes from: random positive ints unless a test fixes them. */
    public IntSupplier nonceSource() {
        return nonceSource;
    }

    public HttpSettings httpSettings() {
        return new HttpSettings(endpoint, connectTimeout, requestTimeout, rateLimit, retryPolicy);
    }

    @Override
    public String toString() {
        return "TencentVpcConfig[endpoint=" + endpoint + ", secretId=" + secretId + ", secretKey=" + secretKey
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", rateLimit="
                + rateLimit + ", retryPolicy=" + retryPolicy + ", clock=" + clock + "]";
    }

    /** Collects the settings; only the key pair is required. */
    public static final class Builder {

        private URI endpoint = DEFAULT_ENDPOINT;
        private String secretId;
        private Secret secretKey;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RateLimit rateLimit = Source.TENCENT_VPN_CONNECTION.limits().rateLimit();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private IntSupplier nonceSource = () -> ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);

        private Builder() {
        }

        /** A base URL such as {@code https://vpc.api.qcloud.com} or a simulator's {@code http://127.0.0.1:8080}. */
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
            return secretKey(secretKey == null || secretKey.isBlank() ? null : Secret.of(secretKey));
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

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

        /** Must give positive ints; the vendor rejects a Nonce it has seen with the same Timestamp. */
        public Builder nonceSource(IntSupplier nonceSource) {
            this.nonceSource = Objects.requireNonNull(nonceSource, "nonceSource");
            return this;
        }

        /** @throws IllegalArgumentException naming every missing credential field, or a bad endpoint */
        public TencentVpcConfig build() {
            List<String> missing = new ArrayList<>();
            if (secretId == null || secretId.isBlank()) {
                missing.add("secretId");
            }
            if (secretKey == null) {
                missing.add("secretKey");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(String.join(", ", missing)
                        + ": expected the Tencent Cloud API key pair (SecretId and SecretKey), got none");
            }
            TencentVpcConfig config = new TencentVpcConfig(this);
            // Refuses an endpoint that is not an http(s) base URL now, rather than at the first call.
            config.httpSettings();
            return config;
        }
    }
}
