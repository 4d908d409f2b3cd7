package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.VendorConfig;
import dev.trafficlens.adapters.support.VendorConfigBuilder;
import dev.trafficlens.domain.model.Source;
import java.net.URI;

/**
 * How to reach QingCloud's IaaS API for {@link QingCloudTrafficSource}: endpoint, access key pair, timeouts, rate
 * limit, retries, and the clock whose time is signed as {@code time_stamp}. Immutable; build with {@link #builder()}.
 */
public final class QingCloudConfig extends VendorConfig {

    /** QingCloud's public API host; {@code /iaas/} is appended to whatever endpoint is configured. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://api.qingcloud.com");

    private QingCloudConfig(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The access key id (a {@code QY…}); sent with every request and safe to print. */
    public String accessKeyId() {
        return keyId();
    }

    /** Printed as {@code ******}; only the signer reveals it. */
    public Secret secretAccessKey() {
        return keySecret();
    }

    @Override
    public String toString() {
        return "QingCloudConfig[endpoint=" + endpoint() + ", accessKeyId=" + keyId()
                + ", secretAccessKey=" + keySecret() + ", " + describeConnection() + "]";
    }

    /** Collects the settings; only the key pair has no default. */
    public static final class Builder extends VendorConfigBuilder<Builder> {

        private Builder() {
            super(DEFAULT_ENDPOINT, Source.QINGCLOUD_WAN.limits().rateLimit());
        }

        public Builder accessKeyId(String value) {
            return keyId(value);
        }

        public Builder secretAccessKey(Secret value) {
            return keySecret(value);
        }

        public Builder secretAccessKey(String value) {
            return keySecret("secretAccessKey", value);
        }

        /** The config; refuses a missing credential, naming every missing field, and a bad endpoint. */
        public QingCloudConfig build() {
            requireKeyPair("accessKeyId", "secretAccessKey",
                    "expected the QingCloud access key pair (access key id and secret access key), got none");
            return new QingCloudConfig(this);
        }
    }
}
