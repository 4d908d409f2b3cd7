package dev.trafficlens.adapters.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.PlannedCall;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the adapter puts on the wire, how it signs it, and how it is configured. */
class ZenlayerTrafficSourceTest {

    private static final String PASSWORD = "Gu5t9xGARNpq86cd98joQYCN3";
    private static final Clock AT_2023_01_01 = Clock.fixed(Instant.ofEpochSecond(1672531200L), ZoneOffset.UTC);
    private static final Set<Metric> BOTH = Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT);

    private StubVendor vendor;

    @BeforeEach
    void start() {
        vendor = StubVendor.start();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private ZenlayerConfig.Builder config() {
        return ZenlayerConfig.builder()
                .endpoint(vendor.endpoint())
                .accessKeyId("0D9UtpyKYcHxms5v")
                .accessKeyPassword(PASSWORD)
                .clock(AT_2023_01_01)
                .retryPolicy(RetryPolicy.noRetries(Duration.ofSeconds(10)));
    }

    private static PlannedCall day(ResourceRef resource, String from, String to) {
        return new PlannedCall(resource, TimeWindow.of(from, to), Step.FIVE_MINUTES, BOTH);
    }

    private StubVendor.Request onlyRequestFor(ZenlayerTrafficSource adapter, PlannedCall call) {
        vendor.then(request -> ZenlayerReplies.traffic(call, Map.of()));
        adapter.fetch(call).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
        assertThat(vendor.requests()).hasSize(1);
        return vendor.requests().get(0);
    }

    @Test
    void sends_the_documented_private_connect_request_for_a_day() {
        PlannedCall call = day(new ZenlayerPrivateConnect("your-private-connect-id"),
                "2023-01-01T00:00:00Z", "2023-01-02T00:00:00Z");

        StubVendor.Request request = onlyRequestFor(new ZenlayerTrafficSource(config().build()), call);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v2/sdn");
        assertThat(request.rawQuery()).isNull();
        // The API page's own example request, and the body of the self-computed signing vector, byte for byte.
        assertThat(request.bodyText()).isEqualTo("{\"privateConnectId\":\"your-private-connect-id\","
                + "\"startTime\":\"2023-01-01T00:00:00Z\",\"endTime\":\"2023-01-01T23:59:59Z\"}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.header("X-ZC-Action")).isEqualTo("DescribePrivateConnectTraffic");
        assertThat(request.header("X-ZC-Version")).isEqualTo("2023-08-30");
        assertThat(request.header("X-ZC-Service")).isEqualTo("sdn");
        assertThat(request.header("X-ZC-Signature-Method")).isEqualTo("ZC2-HMAC-SHA256");
        assertThat(request.header("X-ZC-Timestamp")).isEqualTo("1672531200");
    }

    @Test
    void sends_the_documented_cloud_router_request() {
        PlannedCall call = day(new ZenlayerCloudRouterDcPair("your-cloudrouter-id", "source-dc-id",
                "destination-dc-id"), "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");

        StubVendor.Request request = onlyRequestFor(new ZenlayerTrafficSource(config().build()), call);

        assertThat(request.header("X-ZC-Action")).isEqualTo("DescribeCloudRouterDCToDCTraffic");
        assertThat(request.bodyText()).isEqualTo("{\"cloudRouterId\":\"your-cloudrouter-id\","
                + "\"sourceDcId\":\"source-dc-id\",\"destinationDcId\":\"destination-dc-id\","
                + "\"startTime\":\"2026-01-01T00:00:00Z\",\"endTime\":\"2026-01-01T23:59:59Z\"}");
    }

    @Test
    void signs_the_exact_bytes_received_and_the_host_actually_sent() {
        PlannedCall call = day(new ZenlayerPrivateConnect("pc-\"quoted\"-测试"),
                "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z");

        StubVendor.Request request = onlyRequestFor(new ZenlayerTrafficSource(config().build()), call);

        String host = request.header("Host");
        assertThat(host).isEqualTo("127.0.0.1:" + vendor.endpoint().getPort());
        String expected = ZenlayerSigner.sign(request.header("Content-Type"), host, request.body(),
                Long.parseLong(request.header("X-ZC-Timestamp")), Secret.of(PASSWORD)).authorization("0D9UtpyKYcHxms5v");
        assertThat(request.header("Authorization")).isEqualTo(expected)
                .matches("ZC2-HMAC-SHA256 Credential=0D9UtpyKYcHxms5v, SignedHeaders=content-type;host, "
                        + "Signature=[0-9a-f]{64}");
        assertThat(request.bodyText()).contains("\"endTime\":\"2026-01-01T10:59:59Z\"");
    }

    @Test
    void every_retry_is_signed_afresh_with_the_clock_time_of_that_attempt() {
        AtomicLong seconds = new AtomicLong(1_767_225_600L);
        Clock ticking = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(seconds.getAndAdd(400)); // more than Zenlayer's 5-minute tolerance
            }
        };
        PlannedCall call = day(new ZenlayerPrivateConnect("pc-1"), "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
        vendor.then(ZenlayerReplies.error(503, "SERVICE_TEMPORARY_UNAVAILABLE", "busy"))
                .then(request -> ZenlayerReplies.traffic(call, Map.of()));
        ZenlayerTrafficSource adapter = new ZenlayerTrafficSource(config().clock(ticking)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(5), 1, Duration.ofMillis(5), Duration.ofSeconds(10)))
                .build());

        assertThat(adapter.fetch(call).toCompletableFuture().join().isRight()).isTrue();

        assertThat(vendor.requests()).extracting(request -> request.header("X-ZC-Timestamp"))
                .containsExactly("1767225600", "1767226000");
        for (StubVendor.Request request : vendor.requests()) {
            assertThat(request.header("Authorization")).endsWith(ZenlayerSigner.sign(ZenlayerTrafficSource.CONTENT_TYPE,
                    request.header("Host"), request.body(), Long.parseLong(request.header("X-ZC-Timestamp")),
                    Secret.of(PASSWORD)).signature());
        }
        assertThat(vendor.requests().get(0).body()).isEqualTo(vendor.requests().get(1).body());
    }

    @Test
    void keeps_a_base_path_of_the_endpoint() {
        URI proxied = URI.create(vendor.endpoint() + "/zenlayer-proxy");
        PlannedCall call = day(new ZenlayerPrivateConnect("pc-1"), "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");

        StubVendor.Request request = onlyRequestFor(new ZenlayerTrafficSource(config().endpoint(proxied).build()), call);

        assertThat(request.path()).isEqualTo("/zenlayer-proxy/api/v2/sdn");
    }

    @Test
    void serves_both_zenlayer_sources_and_describes_itself_by_vendor_and_endpoint_only() {
        ZenlayerTrafficSource adapter = new ZenlayerTrafficSource(config().build());

        assertThat(adapter.sources())
                .containsExactlyInAnyOrder(Source.ZENLAYER_PRIVATE_CONNECT, Source.ZENLAYER_CLOUD_ROUTER);
        assertThat(adapter.toString()).isEqualTo("ZenlayerTrafficSource[Zenlayer sdn at " + vendor.endpoint() + "]");
    }

    @Test
    void a_call_for_another_vendor_is_refused_as_a_failure_value_without_calling() {
        ZenlayerTrafficSource adapter = new ZenlayerTrafficSource(config().build());
        PlannedCall tencent = new PlannedCall(new TencentVpnConnection("ap-guangzhou", "vpc-1", "vpngw-1", "vpnx-1"),
                TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"), Step.FIVE_MINUTES, BOTH);

        SourceFailure failure = adapter.fetch(tencent).toCompletableFuture().join().getLeft();

        assertThat(failure.kind()).isEqualTo(ErrorKind.VENDOR_ERROR);
        assertThat(failure.message()).contains("not tencent.vpn-connection");
        assertThat(vendor.requests()).isEmpty();
    }

    @Test
    void the_config_has_the_documented_defaults() {
        ZenlayerConfig config = ZenlayerConfig.builder().accessKeyId("id").accessKeyPassword("password").build();

        assertThat(config.endpoint()).isEqualTo(URI.create("https://console.zenlayer.com"));
        assertThat(config.rateLimit()).isEqualTo(Source.ZENLAYER_PRIVATE_CONNECT.limits().rateLimit());
        assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.clock().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(config.httpSettings().resolve(ZenlayerTrafficSource.PATH))
                .isEqualTo(URI.create("https://console.zenlayer.com/api/v2/sdn"));
        assertThat(config.httpSettings().hostHeader()).isEqualTo("console.zenlayer.com");
    }

    @Test
    void the_config_refuses_missing_credentials_naming_the_field() {
        assertThatThrownBy(() -> ZenlayerConfig.builder().accessKeyPassword("password").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("accessKeyId:");
        assertThatThrownBy(() -> ZenlayerConfig.builder().accessKeyId(" ").accessKeyPassword("password").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("accessKeyId:");
        assertThatThrownBy(() -> ZenlayerConfig.builder().accessKeyId("id").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("accessKeyPassword:");
        assertThatThrownBy(() -> ZenlayerConfig.builder().accessKeyId("id").accessKeyPassword("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("accessKeyPassword:");
    }

    @Test
    void the_config_refuses_an_endpoint_that_is_not_a_base_url() {
        assertThatThrownBy(() -> config().endpoint("ftp://console.zenlayer.com").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("endpoint:");
        assertThatThrownBy(() -> config().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connectTimeout:");
    }

    @Test
    void the_config_never_prints_the_password() {
        ZenlayerConfig config = config().rateLimit(RateLimit.assumedPerSecond(3)).build();

        assertThat(config.toString()).doesNotContain(PASSWORD).contains("accessKeyPassword=******",
                "accessKeyId=0D9UtpyKYcHxms5v");
        assertThat(new ZenlayerTrafficSource(config).toString()).doesNotContain(PASSWORD, "0D9UtpyKYcHxms5v");
        assertThat(config.accessKeyPassword().reveal()).isEqualTo(PASSWORD);
    }
}
