package dev.trafficlens.contract.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.tencentvpc.TencentVpcConfig;
import dev.trafficlens.adapters.tencentvpc.TencentVpcTrafficSource;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TrafficError;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.VendorSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real tencent-vpc adapter, through the domain's query service, against the sandbox's DescribeVpnConnMonitor. */
class TencentVpcEndToEndTest {

    private static final Instant NOW = Instant.parse("2026-01-31T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private VendorSandbox sandbox;
    private TrafficQueryService service;

    @BeforeEach
    void start() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(CLOCK));
        TencentVpcConfig config = TencentVpcConfig.builder()
                .endpoint(sandbox.baseUrl())
                .secretId(sandbox.credentials().accessKeyId())
                .secretKey(sandbox.credentials().accessKeySecret())
                .clock(CLOCK)
                .build();
        service = new TrafficQueryService(List.of(new TencentVpcTrafficSource(config)), CLOCK, QuerySettings.DEFAULTS);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void thirty_days_arrive_in_fifteen_two_day_calls_per_direction_exactly_as_the_model_generates() {
        Instant from = NOW.minus(Duration.ofDays(30));
        TencentVpnConnection tunnel = new TencentVpnConnection("ap-guangzhou", "vpc-03vihbk9", "vpngw-dystbrkv",
                "vpnx-ol6bcqp0");

        TrafficResult result = run(TrafficQuery.of(tunnel, from, NOW)).result().get();

        TrafficSeries in = result.series(Metric.BITRATE_IN).orElseThrow();
        TrafficSeries out = result.series(Metric.BITRATE_OUT).orElseThrow();
        assertThat(in.start()).isEqualTo(from);
        assertThat(in.size()).isEqualTo(30 * 288);
        assertThat(in.values()).containsExactly(model("vpnx-ol6bcqp0", TrafficModel.Direction.IN, from, 30 * 288));
        assertThat(out.values()).containsExactly(model("vpnx-ol6bcqp0", TrafficModel.Direction.OUT, from, 30 * 288));
        assertThat(in.presentCount()).isLessThan(in.size()); // the model's gaps arrive as missing samples
        assertThat(sandbox.calls().of("DescribeVpnConnMonitor")).isEqualTo(30);
    }

    @Test
    void an_unknown_tunnel_is_not_found() {
        QueryOutcome outcome = run(TrafficQuery.of(
                new TencentVpnConnection("ap-guangzhou", "vpc-1", "vpngw-1", "missing-vpnx"),
                NOW.minus(Duration.ofDays(1)), NOW));

        assertThat(outcome.errors()).extracting(TrafficError::kind).containsOnly(ErrorKind.NOT_FOUND);
    }

    @Test
    void a_wrong_secret_key_is_unauthenticated() {
        TencentVpcConfig wrongKey = TencentVpcConfig.builder()
                .endpoint(sandbox.baseUrl())
                .secretId(sandbox.credentials().accessKeyId())
                .secretKey("not-the-sandbox-secret")
                .clock(CLOCK)
                .build();
        TrafficQueryService withWrongKey = new TrafficQueryService(
                List.of(new TencentVpcTrafficSource(wrongKey)), CLOCK, QuerySettings.DEFAULTS);

        QueryOutcome outcome = withWrongKey.run(List.of(TrafficQuery.of(
                new TencentVpnConnection("ap-guangzhou", "vpc-1", "vpngw-1", "vpnx-1"),
                NOW.minus(Duration.ofHours(1)), NOW))).toCompletableFuture().join().get(0);

        assertThat(outcome.errors()).extracting(TrafficError::kind).containsOnly(ErrorKind.UNAUTHENTICATED);
    }

    @Test
    void a_throttled_tunnel_is_retried_then_reported_rate_limited() {
        sandbox.faults().add(FaultRule.forResources("vpnx-busy", FaultRule.Kind.THROTTLED));

        QueryOutcome outcome = run(TrafficQuery.of(
                new TencentVpnConnection("ap-guangzhou", "vpc-1", "vpngw-1", "vpnx-busy"),
                NOW.minus(Duration.ofHours(1)), NOW));

        assertThat(outcome.errors()).extracting(TrafficError::kind).containsOnly(ErrorKind.RATE_LIMITED);
        assertThat(sandbox.calls().of("DescribeVpnConnMonitor")).isGreaterThan(2); // two directions, retried
    }

    private QueryOutcome run(TrafficQuery query) {
        return service.run(List.of(query)).toCompletableFuture().join().get(0);
    }

    private double[] model(String resource, TrafficModel.Direction direction, Instant from, int slots) {
        double[] values = new double[slots];
        for (int i = 0; i < slots; i++) {
            values[i] = sandbox.traffic().bitsPerSecond(resource, direction, from.getEpochSecond() + 300L * i);
        }
        return values;
    }
}
