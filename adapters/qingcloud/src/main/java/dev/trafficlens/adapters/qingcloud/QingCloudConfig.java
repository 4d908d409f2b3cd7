package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.VendorConfig;
import dev.trafficlens.adapters.support.VendorConfigBuilder;
import dev.trafficlens.domain.model.Source;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach QingCloud's IaaS API for {@link QingCloudTrafficSource}: endpoint, access key pair, timeouts, rate
 * limit, retries, and the clock whose time is signed as {@code time_stamp}. Immutable; build with {@link #builder()}.
 */
public final class QingCloudConfig extends VendorConfig {

    /** QingCloud's public API host; {@code /iaas/} is appended to whatever endpoint is configured. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://api.qingcloud.com");

    private final String accessKeyId;
    private final Secret secretAccessKey;

    private QingCloudConfig(Builder builder) {
        super(builder);
        this.accessKeyId = builder.accessKeyId;
        this.secretAccessKey = builder.secretAccessKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The access key id (a {@code QY…}); sent with every request and safe to print. */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** Printed as {@code ******}; only the signer reveals it. */
    public Secret secretAccessKey() {
        return secretAccessKey;
    }

    @Override
    public String toString() {
        return "QingCloudConfig[endpoint=" + endpoint() + ", accessKeyId=" + accessKeyId
                + ", secretAccessKey=" + secretAccessKey + ", " + describeConnection() + "]";
    }

    /** Collects the settings; only the key pair has no default. */
    public static final class Builder extends VendorConfigBuilder<Builder> {

        private String accessKeyId;
        private Secret secretAccessKey;

        private Builder() {
            super(DEFAULT_ENDPOINT, Source.QINGCLOUD_WAN.limits().rateLimit());
        }

        public Builder accessKeyId(String value) {
            this.accessKeyId = value;
            return this;
        }

        public Builder secretAccessKey(Secret value) {
            this.secretAccessKey = value;
            return this;
        }

        public Builder secretAccessKey(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("secretAccessKey: expected a non-empty secret, got "
                        + (value == null ? "nothing" : "a blank value"));
            }
            return secretAccessKey(Secret.of(value));
        }

        /** The config; refuses a missing credential, naming every missing field, and a bad endpoint. */
        public QingCloudConfig build() {
            List<String> missing = new ArrayList<>();
            if (accessKeyId == null || accessKeyId.isBlank()) {
                missing.add("accessKeyId");
            }
            if (secretAccessKey == null) {
                missing.add("secretAccessKey");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(String.join(", ", missing)
                        + ": expected the QingCloud access key pair (access key id and secret access key), got none");
            }
            return new QingCloudConfig(this);
        }
    }
}
