package dev.trafficlens.adapters.tencentmna;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.VendorConfig;
import dev.trafficlens.adapters.support.VendorConfigBuilder;
import dev.trafficlens.domain.model.Source;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach Tencent Cloud API 3.0 (mna) for {@link TencentMnaTrafficSource}: endpoint, API key pair, timeouts,
 * rate limit (the documented 20 calls/s by default), retries, and the clock that dates each signature. Immutable;
 * build with {@link #builder()}.
 */
public final class TencentMnaConfig extends VendorConfig {

    /** The international public host; the adapter posts to {@code /}. The Chinese site's is mna.tencentcloudapi.com. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://mna.intl.tencentcloudapi.com");

    private final String secretId;
    private final Secret secretKey;

    private TencentMnaConfig(Builder builder) {
        super(builder);
        this.secretId = builder.secretId;
        this.secretKey = builder.secretKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The API key's public half; it names the credential in rate limits and in the Authorization header. */
    public String secretId() {
        return secretId;
    }

    /** Printed as {@code ******}; only the signer reveals it. */
    public Secret secretKey() {
        return secretKey;
    }

    @Override
    public String toString() {
        return "TencentMnaConfig[endpoint=" + endpoint() + ", secretId=" + secretId
                + ", secretKey=" + secretKey + ", " + describeConnection() + "]";
    }

    /** Collects the settings; only the key pair has no default. */
    public static final class Builder extends VendorConfigBuilder<Builder> {

        private String secretId;
        private Secret secretKey;

        private Builder() {
            super(DEFAULT_ENDPOINT, Source.TENCENT_MNA_REGION.limits().rateLimit());
        }

        public Builder secretId(String value) {
            this.secretId = value;
            return this;
        }

        public Builder secretKey(Secret value) {
            this.secretKey = value;
            return this;
        }

        public Builder secretKey(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("secretKey: expected a non-empty secret, got "
                        + (value == null ? "nothing" : "a blank value"));
            }
            return secretKey(Secret.of(value));
        }

        /** The config; refuses a missing credential, naming every missing field, and a bad endpoint. */
        public TencentMnaConfig build() {
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
            return new TencentMnaConfig(this);
        }
    }
}
