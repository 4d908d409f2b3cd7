package dev.trafficlens.graphql;

import dev.trafficlens.adapters.qingcloud.QingCloudConfig;
import dev.trafficlens.adapters.qingcloud.QingCloudTrafficSource;
import dev.trafficlens.adapters.support.VendorConfigBuilder;
import dev.trafficlens.adapters.tencentmna.TencentMnaConfig;
import dev.trafficlens.adapters.tencentmna.TencentMnaTrafficSource;
import dev.trafficlens.adapters.tencentvpc.TencentVpcConfig;
import dev.trafficlens.adapters.tencentvpc.TencentVpcTrafficSource;
import dev.trafficlens.adapters.zenlayer.ZenlayerConfig;
import dev.trafficlens.adapters.zenlayer.ZenlayerTrafficSource;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.port.out.TrafficSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * The vendor accounts the service can be given, each configured under {@code trafficlens.sources.<name>.*}: its
 * endpoint, its key pair, and the operator's limits for its sources ({@code rate-limit}, {@code max-concurrent-calls}).
 */
enum VendorAccount {

    TENCENT_VPC("tencent-vpc", "secret-id", "secret-key", "https://vpc.api.qcloud.com",
            Set.of(Source.TENCENT_VPN_CONNECTION)) {
        @Override
        TrafficSource adapter(Keys keys, TrafficlensWiring.VendorCalls calls, Environment environment) {
            return new TencentVpcTrafficSource(configure(calls, environment, TencentVpcConfig.builder())
                    .endpoint(keys.endpoint()).secretId(keys.id()).secretKey(keys.secret()).build());
        }
    },
    TENCENT_MNA("tencent-mna", "secret-id", "secret-key", "https://mna.intl.tencentcloudapi.com",
            Set.of(Source.TENCENT_MNA_REGION)) {
        @Override
        TrafficSource adapter(Keys keys, TrafficlensWiring.VendorCalls calls, Environment environment) {
            return new TencentMnaTrafficSource(configure(calls, environment, TencentMnaConfig.builder())
                    .endpoint(keys.endpoint()).secretId(keys.id()).secretKey(keys.secret()).build());
        }
    },
    QINGCLOUD("qingcloud", "access-key-id", "secret-access-key", "https://api.qingcloud.com",
            Set.of(Source.QINGCLOUD_WAN)) {
        @Override
        TrafficSource adapter(Keys keys, TrafficlensWiring.VendorCalls calls, Environment environment) {
            return new QingCloudTrafficSource(configure(calls, environment, QingCloudConfig.builder())
                    .endpoint(keys.endpoint()).accessKeyId(keys.id()).secretAccessKey(keys.secret()).build());
        }
    },
    ZENLAYER("zenlayer", "access-key-id", "access-key-password", "https://console.zenlayer.com",
            Set.of(Source.ZENLAYER_PRIVATE_CONNECT, Source.ZENLAYER_CLOUD_ROUTER)) {
        @Override
        TrafficSource adapter(Keys keys, TrafficlensWiring.VendorCalls calls, Environment environment) {
            return new ZenlayerTrafficSource(configure(calls, environment, ZenlayerConfig.builder())
                    .endpoint(keys.endpoint()).accessKeyId(keys.id()).accessKeyPassword(keys.secret()).build());
        }
    };

    /** Where an adapter points and with which key pair. The secret is never logged: only this wiring reads it. */
    record Keys(String endpoint, String id, String secret) {

        @Override
        public String toString() {
            return "Keys[endpoint=" + endpoint + ", id=" + id + "]";
        }
    }

    private final String name;
    private final String idKey;
    private final String secretKey;
    private final String defaultEndpoint;
    private final Set<Source> sources;

    VendorAccount(String name, String idKey, String secretKey, String defaultEndpoint, Set<Source> sources) {
        this.name = name;
        this.idKey = idKey;
        this.secretKey = secretKey;
        this.defaultEndpoint = defaultEndpoint;
        this.sources = sources;
    }

    /** The adapter for this account's sources, pointed and keyed as {@code keys} say. */
    abstract TrafficSource adapter(Keys keys, TrafficlensWiring.VendorCalls calls, Environment environment);

    Set<Source> sources() {
        return sources;
    }

    /** {@code trafficlens.sources.<name>.} */
    String prefix() {
        return "trafficlens.sources." + name + ".";
    }

    /** The keys of this account's key pair that are set (not blank), by their full names. */
    List<String> keysGiven(Environment environment) {
        return List.of(prefix() + idKey, prefix() + secretKey).stream()
                .filter(key -> !environment.getProperty(key, "").isBlank())
                .toList();
    }

    /** The account's endpoint and keys when both keys are given. */
    Optional<Keys> liveKeys(Environment environment) {
        String id = environment.getProperty(prefix() + idKey, "");
        String secret = environment.getProperty(prefix() + secretKey, "");
        if (id.isBlank() || secret.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Keys(environment.getProperty(prefix() + "endpoint", defaultEndpoint), id, secret));
    }

    /** {@code rate-limit}: calls per second per credential and API action, a positive number; empty when unset. */
    Optional<RateLimit> rateLimit(Environment environment) {
        String key = prefix() + "rate-limit";
        String value = environment.getProperty(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RateLimit.configuredPerSecond(Double.parseDouble(value.trim())));
        } catch (IllegalArgumentException notPositive) {
            throw new InvalidSettingException(key + ": expected a positive number of calls per second, such as 20 or"
                    + " 0.5, got '" + value + "'");
        }
    }

    /** {@code max-concurrent-calls}: vendor calls in flight per source, a positive whole number; empty when unset. */
    Optional<Integer> maxConcurrentCalls(Environment environment) {
        String key = prefix() + "max-concurrent-calls";
        String value = environment.getProperty(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            int calls = Integer.parseInt(value.trim());
            if (calls >= 1) {
                return Optional.of(calls);
            }
        } catch (NumberFormatException notANumber) {
            // refused below, with the same message as a number below one
        }
        throw new InvalidSettingException(key + ": expected a positive whole number of calls, such as 8, got '"
                + value + "'");
    }

    <B extends VendorConfigBuilder<B>> B configure(
            TrafficlensWiring.VendorCalls calls, Environment environment, B builder) {
        calls.applyTo(builder);
        rateLimit(environment).ifPresent(builder::rateLimit);
        return builder;
    }
}
