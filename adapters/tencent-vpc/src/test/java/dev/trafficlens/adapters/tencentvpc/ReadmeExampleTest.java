package dev.trafficlens.adapters.tencentvpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.domain.stats.BillingRule;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The README's library example, run against a stub vendor in place of vpc.api.qcloud.com. */
class ReadmeExampleTest {

    @Test
    void a_week_of_a_vpn_tunnel_is_planned_into_two_day_calls_and_billed() {
        try (StubVendor vendor = StubVendor.start()) {
            double[] twoDaysAt100Mbps = new double[576];
            Arrays.fill(twoDaysAt100Mbps, 100e6);
            vendor.then(request -> StubVendor.Reply.json(200, VendorBodies.success(twoDaysAt100Mbps)));

            URI endpoint = vendor.endpoint();
            String secretId = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA";
            String secretKey = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA";
            Clock clock = Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC);

            // README: example
            TencentVpcConfig config = TencentVpcConfig.builder()
                    .endpoint(endpoint)                     // default https://vpc.api.qcloud.com
                    .secretId(secretId)
                    .secretKey(secretKey)
                    .build();
            TrafficQueryService traffic = new TrafficQueryService(
                    List.of(new TencentVpcTrafficSource(config)), clock, QuerySettings.DEFAULTS);

            TrafficQuery firstWeek = TrafficQuery.of(
                    new TencentVpnConnection("ap-guangzhou", "vpc-03vihbk9", "vpngw-dystbrkv", "vpnx-ol6bcqp0"),
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-08T00:00:00Z"));
            List<QueryOutcome> outcomes = traffic.run(List.of(firstWeek)).toCompletableFuture().join();

            outcomes.get(0).result()
                    .peek(result -> System.out.println("p95: " + result.billing95(BillingRule.HIGHER_DIRECTION)))
                    .peekLeft(errors -> errors.forEach(error -> System.out.println(error.kind() + ": " + error.message())));
            // README: end

            OptionalDouble p95 = outcomes.get(0).result().get().billing95(BillingRule.HIGHER_DIRECTION);
            assertThat(p95).hasValue(100e6);
            // 7 days = 2 + 2 + 2 + 1 days, each asked once per direction.
            assertThat(vendor.requests()).hasSize(8);
        }
    }
}
