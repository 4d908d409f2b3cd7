package dev.trafficlens.adapters.tencentmna;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.VendorConfig;
import dev.trafficlens.adapters.support.VendorConfigBuilder;
import dev.trafficlens.domain.model.Source;
import java.net.URI;

/**
 * How to reach Tencent Cloud API 3.0 (mna) for {@link TencentMnaTrafficSource}: endpoint, API key pair, timeouts,
 * rate limit (the documented 20 calls/s by default), retries, and the clock that dates each signature. Immutable;
 * build with {@link #builder()}.
 */
public final class TencentMnaConfig extends VendorConfig {

    /** The international public host; the adapter posts to {@code /}. The Chinese site's is mna.tencentcloudapi.com. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://mna.intl.tencentcloudapi.com");

    private TencentMnaConfig(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The API key's public half; it names the credential in rate limits and in the Authorization header. */
    public String secretId() {
        return keyId();
    }

    /** Printed as {@code ******}; only the signer reveals it. */
    public Secret secretKey() {
        return keySecret();
    }

    @Override
    public String toString() {
        return "TencentMnaConfig[endpoint=" + endpoint() + ", secretId=" + keyId()
                + ", secretKey=" + keySecret() + ", " + describeConnection() + "]";
    }

    /** Collects the settings; only the key pair has no default. */
    public static final class Builder extends VendorConfigBuilder<Builder> {

        private Builder() {
            super(DEFAULT_ENDPOINT, Source.TENCENT_MNA_REGION.limits().rateLimit());
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

        /** The config; refuses a missing credential, naming every missing field, and a bad endpoint. */
        public TencentMnaConfig build() {
            requireKeyPair("secretId", "secretKey",
                    "expected the Tencent Cloud API key pair (SecretId and SecretKey), got none");
            return new TencentMnaConfig(this);
        }
    }
}
