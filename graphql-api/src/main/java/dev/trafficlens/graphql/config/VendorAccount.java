package dev.trafficlens.graphql.config;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The vendor accounts the service can be given, each configured under {@code trafficlens.sources.<name>.*}
 * ({@link TrafficlensProperties.Sources}): its endpoint (the adapter config's {@code DEFAULT_ENDPOINT} when unset), its
 * key pair, and the operator's limits for its sources ({@code rate-limit}, {@code max-concurrent-calls}).
 */
enum VendorAccount {

    TENCENT_VPC("tencent-vpc", "secret-id", "secret-key", Set.of(Source.TENCENT_VPN_CONNECTION)) {
        @Override
        Given given(TrafficlensProperties.Sources sources) {
            TrafficlensProperties.TencentAccount account = sources.tencentVpc();
            return new Given(endpointOr(account.endpoint(), TencentVpcConfig.DEFAULT_ENDPOINT.toString()),
                    account.secretId(), account.secretKey(), account.rateLimit(), account.maxConcurrentCalls());
        }

        @Override
        TrafficSource adapter(Keys keys, TrafficlensWiring.VendorCalls calls, Optional<RateLimit> rateLimit) {
            return new TencentVpcTrafficSource(configure(calls, rateLimit, TencentVpcConfig.builder())
                    .endpoint(keys.endpoint()).secretId(keys.id()).secretKey(keys.secret()).build());
        }
    },
    TENCENT_MNA("tencent-mna", "secret-id", "secret-key", Set.of(Source.TENCENT_MNA_REGION)) {
        @Override
        Given given(TrafficlensProperties.Sources sources) {
            TrafficlensProperties.TencentAccount account = sources.tencentMna();
            return new Given(endpointOr(account.endpoint(), TencentMnaConfig.DEFAULT_ENDPOINT.toString()),
                    account.secretId(), account.secretKey(), account.rateLimit(), account.maxConcurrentCalls());
        }

        @Override
        TrafficSource adapter(Keys keys, TrafficlensWiring.VendorCalls calls, Optional<RateLimit> rateLimit) {
            return new TencentMnaTrafficSource(configure(calls, rateLimit, TencentMnaConfig.builder())
                    .endpoint(keys.endpoint()).secretId(keys.id()).secretKey(keys.secret()).build());
        }
    },
    QINGCLOUD("qingcloud", "access-key-id", "secret-access-key", Set.of(Source.QINGCLOUD_WAN)) {
        @Override
        Given given(TrafficlensProperties.Sources sources) {
            TrafficlensProperties.QingCloudAccount account = sources.qingcloud();
            return new Given(endpointOr(account.endpoint(), QingCloudConfig.DEFAULT_ENDPOINT.toString()),
                    account.accessKeyId(), account.secretAccessKey(), account.rateLimit(),
                    account.maxConcurrentCalls());
        }

        @Override
        TrafficSource adapter(Keys keys, TrafficlensWiring.VendorCalls calls, Optional<RateLimit> rateLimit) {
            return new QingCloudTrafficSource(configure(calls, rateLimit, QingCloudConfig.builder())
                    .endpoint(keys.endpoint()).accessKeyId(keys.id()).secretAccessKey(keys.secret()).build());
        }
    },
    ZENLAYER("zenlayer", "access-key-id", "access-key-password",
            Set.of(Source.ZENLAYER_PRIVATE_CONNECT, Source.ZENLAYER_CLOUD_ROUTER)) {
        @Override
        Given given(TrafficlensProperties.Sources sources) {
            TrafficlensProperties.ZenlayerAccount account = sources.zenlayer();
            return new Given(endpointOr(account.endpoint(), ZenlayerConfig.DEFAULT_ENDPOINT.toString()),
                    account.accessKeyId(), account.accessKeyPassword(), account.rateLimit(),
                    account.maxConcurrentCalls());
        }

        @Override
        TrafficSource adapter(Keys keys, TrafficlensWiring.VendorCalls calls, Optional<RateLimit> rateLimit) {
            return new ZenlayerTrafficSource(configure(calls, rateLimit, ZenlayerConfig.builder())
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

    /** One account's settings, the same for every vendor whatever its keys are called. */
    record Given(String endpoint, String id, String secret, String rateLimit, String maxConcurrentCalls) {

        @Override
        public String toString() {
            return "Given[endpoint=" + endpoint + ", id=" + id + "]";
        }
    }

    private final String name;
    private final String idKey;
    private final String secretKey;
    private final Set<Source> sources;

    VendorAccount(String name, String idKey, String secretKey, Set<Source> sources) {
        this.name = name;
        this.idKey = idKey;
        this.secretKey = secretKey;
        this.sources = sources;
    }

    /** This account's settings among {@code sources}. */
    abstract Given given(TrafficlensProperties.Sources sources);

    /** The adapter for this account's sources, pointed and keyed as {@code keys} say. */
    abstract TrafficSource adapter(Keys keys, TrafficlensWiring.VendorCalls calls, Optional<RateLimit> rateLimit);

    Set<Source> sources() {
        return sources;
    }

    /** {@code trafficlens.sources.<name>.} */
    String prefix() {
        return TrafficlensProperties.PREFIX + ".sources." + name + ".";
    }

    /** The keys of this account's key pair that are set (not blank), by their full names. */
    List<String> keysGiven(TrafficlensProperties.Sources sources) {
        Given given = given(sources);
        List<String> keys = new ArrayList<>();
        if (given.id() != null && !given.id().isBlank()) {
            keys.add(prefix() + idKey);
        }
        if (given.secret() != null && !given.secret().isBlank()) {
            keys.add(prefix() + secretKey);
        }
        return List.copyOf(keys);
    }

    /** The account's endpoint and keys when both keys are given. */
    Optional<Keys> liveKeys(TrafficlensProperties.Sources sources) {
        if (keysGiven(sources).size() < 2) {
            return Optional.empty();
        }
        Given given = given(sources);
        return Optional.of(new Keys(given.endpoint(), given.id(), given.secret()));
    }

    /** {@code rate-limit}: calls per second per credential and API action; empty when unset. */
    Optional<RateLimit> rateLimit(TrafficlensProperties.Sources sources) {
        return TrafficlensProperties.Sources.rateLimit(prefix() + "rate-limit", given(sources).rateLimit());
    }

    /** {@code max-concurrent-calls}: vendor calls in flight per source; empty when unset. */
    Optional<Integer> maxConcurrentCalls(TrafficlensProperties.Sources sources) {
        return TrafficlensProperties.Sources.maxConcurrentCalls(prefix() + "max-concurrent-calls",
                given(sources).maxConcurrentCalls());
    }

    private static String endpointOr(String configured, String fallback) {
        return configured == null ? fallback : configured;
    }

    static <B extends VendorConfigBuilder<B>> B configure(
            TrafficlensWiring.VendorCalls calls, Optional<RateLimit> rateLimit, B builder) {
        calls.applyTo(builder);
        rateLimit.ifPresent(builder::rateLimit);
        return builder;
    }
}
