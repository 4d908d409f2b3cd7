package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.VendorConfig;
import dev.trafficlens.adapters.support.VendorConfigBuilder;
import dev.trafficlens.domain.model.Source;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * How the Zenlayer adapter reaches Zenlayer Cloud API 2.0: the endpoint (the public console host by default), the
 * access key pair, timeouts, the client-side rate limit (one for both sdn sources, which share the key), retries,
 * and the clock that stamps each signature.
 */
public final class ZenlayerConfig extends VendorConfig {

    /** The public API host; the adapter appends {@code /api/v2/sdn}. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://console.zenlayer.com");

    private final String accessKeyId;
    private final Secret accessKeyPassword;

    private ZenlayerConfig(Builder builder) {
        super(builder);
        this.accessKeyId = builder.accessKeyId;
        this.accessKeyPassword = builder.accessKeyPassword;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The AccessKeyId; also names the client-side rate limiter. */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** Printed as {@code ******}; only the signer reveals it. */
    public Secret accessKeyPassword() {
        return accessKeyPassword;
    }

    @Override
    public String toString() {
        return "ZenlayerConfig[endpoint=" + endpoint() + ", accessKeyId=" + accessKeyId
                + ", accessKeyPassword=" + accessKeyPassword + ", " + describeConnection() + "]";
    }

    /** Collects the settings; only the key pair has no default. */
    public static final class Builder extends VendorConfigBuilder<Builder> {

        private String accessKeyId;
        private Secret accessKeyPassword;

        private Builder() {
            super(DEFAULT_ENDPOINT, Source.ZENLAYER_PRIVATE_CONNECT.limits().rateLimit());
        }

        public Builder accessKeyId(String value) {
            this.accessKeyId = value;
            return this;
        }

        public Builder accessKeyPassword(Secret value) {
            this.accessKeyPassword = value;
            return this;
        }

        public Builder accessKeyPassword(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("accessKeyPassword: expected a non-empty secret, got "
                        + (value == null ? "nothing" : "a blank value"));
            }
            return accessKeyPassword(Secret.of(value));
        }

        /** The config; refuses a missing credential, naming every missing field, and a bad endpoint. */
        public ZenlayerConfig build() {
            List<String> missing = new ArrayList<>();
            if (accessKeyId == null || accessKeyId.isBlank()) {
                missing.add("accessKeyId");
            }
            if (accessKeyPassword == null) {
                missing.add("accessKeyPassword");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(String.join(", ", missing)
                        + ": expected the Zenlayer access key pair (AccessKeyId and AccessKeyPassword), got nothing");
            }
            return new ZenlayerConfig(this);
        }
    }
}
