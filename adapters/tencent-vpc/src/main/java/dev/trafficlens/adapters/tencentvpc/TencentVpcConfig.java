package dev.trafficlens.adapters.tencentvpc;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.VendorConfig;
import dev.trafficlens.adapters.support.VendorConfigBuilder;
import dev.trafficlens.domain.model.Source;
import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * How to reach Tencent Cloud's legacy VPC API for {@link TencentVpcTrafficSource}: endpoint, API key pair, timeouts,
 * rate limit, retries, and the clock and nonce source that go into every signature. Immutable; build with
 * {@link #builder()}.
 */
public final class TencentVpcConfig extends VendorConfig {

    /** The vendor's public host; the adapter appends {@code /v2/index.php}. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://vpc.api.qcloud.com");

    private final IntSupplier nonceSource;

    private TencentVpcConfig(Builder builder) {
        super(builder);
        this.nonceSource = builder.nonceSource;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The API key's public half (an {@code AKID…}); sent with every request and safe to print. */
    public String secretId() {
        return keyId();
    }

    /** Printed as {@code ******}; only the signer reveals it. */
    public Secret secretKey() {
        return keySecret();
    }

    /** Where each request's {@code Nonce} comes from: random positive ints unless a test fixes them. */
    public IntSupplier nonceSource() {
        return nonceSource;
    }

    @Override
    public String toString() {
        return "TencentVpcConfig[endpoint=" + endpoint() + ", secretId=" + keyId()
                + ", secretKey=" + keySecret() + ", " + describeConnection() + "]";
    }

    /** Collects the settings; only the key pair has no default. */
    public static final class Builder extends VendorConfigBuilder<Builder> {

        private IntSupplier nonceSource = () -> ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);

        private Builder() {
            super(DEFAULT_ENDPOINT, Source.TENCENT_VPN_CONNECTION.limits().rateLimit());
        }

        public Builder secretId(String value) {
            return keyId(value);
        }

        public Builder secretKey(Secret value) {
            return keySecret(value);
        }

        public Builder secretKey(String value) {
            return keySecret("secretKey", value);
        }

        /** Must give positive ints; the vendor rejects a Nonce it has seen with the same Timestamp. */
        public Builder nonceSource(IntSupplier value) {
            this.nonceSource = java.util.Objects.requireNonNull(value, "nonceSource");
            return this;
        }

        /** The config; refuses a missing credential, naming every missing field, and a bad endpoint. */
        public TencentVpcConfig build() {
            requireKeyPair("secretId", "secretKey",
                    "expected the Tencent Cloud API key pair (SecretId and SecretKey), got none");
            return new TencentVpcConfig(this);
        }
    }
}
