package dev.trafficlens.adapters.tencentvpc;

import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.adapters.support.TrafficSourceContractKit;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.TrafficSource;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * The shared contract kit in DescribeVpnConnMonitor's wire format. The kit counts one HTTP request per call, and this
 * API sends one request per metric, so the kit's day asks for one metric; both metrics together are proven in
 * {@link TencentVpcTrafficSourceTest}.
 */
class TencentVpcContractTest extends TrafficSourceContractKit {

    static final TencentVpnConnection TUNNEL =
            new TencentVpnConnection("ap-guangzhou", "vpc-03vihbk9", "vpngw-dystbrkv", "vpnx-ol6bcqp0");

    @Override
    protected TrafficSource newSource(URI endpoint, RetryPolicy retries, RateLimit rateLimit) {
        return new TencentVpcTrafficSource(TencentVpcConfig.builder()
                .endpoint(endpoint)
                .secretId("AKIDkitSecretId")
                .secretKey(SECRET)
                .retryPolicy(retries)
                .rateLimit(rateLimit)
                .build());
    }

    @Override
    protected PlannedCall aDay() {
        return new PlannedCall(TUNNEL, TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"),
                Step.FIVE_MINUTES, Set.of(Metric.BITRATE_OUT));
    }

    @Override
    protected StubVendor.Reply trafficReply(PlannedCall call, Map<Metric, double[]> values) {
        return StubVendor.Reply.json(200, VendorBodies.success(values.get(Metric.BITRATE_OUT)));
    }

    @Override
    protected StubVendor.Reply notFoundReply() {
        return StubVendor.Reply.json(200, VendorBodies.error(5000, "InvalidVpnConn.NotFound",
                "(InvalidVpnConn.NotFound) the VPN connection does not exist"));
    }

    @Override
    protected StubVendor.Reply authFailureReply() {
        return StubVendor.Reply.json(200, VendorBodies.error(4100, null, "authentication failed"));
    }

    @Override
    protected StubVendor.Reply throttledReply() {
        return StubVendor.Reply.json(429, "{\"message\":\"too many requests\"}");
    }

    @Override
    protected String notFoundCode() {
        return "InvalidVpnConn.NotFound";
    }

    @Override
    protected String notFoundRequestId() {
        return null; // the legacy API sends no request id
    }
}
