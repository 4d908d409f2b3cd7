package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.VendorConfig;
import dev.trafficlens.adapters.support.VendorConfigBuilder;
import dev.trafficlens.domain.model.Source;
import java.net.URI;

/**
 * How the Zenlayer adapter reaches Zenlayer Cloud API 2.0: the endpoint (the public console host by default), the
 * access key pair, timeouts, the client-side rate limit (one for both sdn sources, which share the key), retries,
 * and the clock that stamps each signature.
 */
public final class ZenlayerConfig extends VendorConfig {

    /** The public API host; the adapter appends {@code /api/v2/sdn}. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://console.zenlayer.com");

    private ZenlayerConfig(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The AccessKeyId; also names the client-side rate limiter. */
    public String accessKeyId() {
        return keyId();
    }

    /** Printed as {@code ******}; only the signer reveals it. */
    public Secret accessKeyPassword() {
        return keySecret();
    }

    @Override
    public String toString() {
        return "ZenlayerConfig[endpoint=" + endpoint() + ", accessKeyId=" + keyId()
                + ", accessKeyPassword=" + keySecret() + ", " + describeConnection() + "]";
    }

    /** Collects the settings; only the key pair has no default. */
    public static final class Builder extends VendorConfigBuilder<Builder> {

        private Builder() {
            super(DEFAULT_ENDPOINT, Source.ZENLAYER_PRIVATE_CONNECT.limits().rateLimit());
        }

        public Builder accessKeyId(String value) {
            return keyId(value);
        }

        public Builder accessKeyPassword(Secret value) {
            return keySecret(value);
        }

        public Builder accessKeyPassword(String value) {
            return keySecret("accessKeyPassword", value);
        }

        /** The config; refuses a missing credential, naming every missing field, and a bad endpoint. */
        public ZenlayerConfig build() {
            requireKeyPair("accessKeyId", "accessKeyPassword",
                    "expected the Zenlayer access key pair (AccessKeyId and AccessKeyPassword), got nothing");
            return new ZenlayerConfig(this);
        }
    }
}
