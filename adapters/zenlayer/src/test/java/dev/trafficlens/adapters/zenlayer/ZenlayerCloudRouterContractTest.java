package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.adapters.support.TrafficSourceContractKit;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.TrafficSource;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * The shared adapter contract, spoken as DescribeCloudRouterDCToDCTraffic; its throttling is the code
 * REQUEST_LIMIT_EXCEEDED under a status other than 429, which the SDKs also retry.
 */
class ZenlayerCloudRouterContractTest extends TrafficSourceContractKit {

    @Override
    protected TrafficSource newSource(URI endpoint, RetryPolicy retries, RateLimit rateLimit) {
        return ZenlayerPrivateConnectContractTest.kitSource(endpoint, retries, rateLimit);
    }

    @Override
    protected PlannedCall aDay() {
        return new PlannedCall(new ZenlayerCloudRouterDcPair("cr-1", "dc-a", "dc-z"),
                TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"), Step.FIVE_MINUTES,
                Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT));
    }

    @Override
    protected StubVendor.Reply trafficReply(PlannedCall call, Map<Metric, double[]> values) {
        return ZenlayerReplies.traffic(call, values);
    }

    @Override
    protected StubVendor.Reply notFoundReply() {
        return ZenlayerReplies.error(404, notFoundCode(), "The data center does not exist.");
    }

    @Override
    protected StubVendor.Reply authFailureReply() {
        return ZenlayerReplies.error(401, "AUTHFAILURE_INVALID_AUTHORIZATION", "Invalid authorization.");
    }

    @Override
    protected StubVendor.Reply throttledReply() {
        return ZenlayerReplies.error(403, ZenlayerErrorMap.THROTTLED, "Request limit exceeded.");
    }

    @Override
    protected String notFoundCode() {
        return "INVALID_DATACENTER_NOT_FOUND";
    }

    @Override
    protected String notFoundRequestId() {
        return ZenlayerReplies.REQUEST_ID;
    }
}
