package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.adapters.support.TrafficSourceContractKit;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.TrafficSource;
import java.net.URI;
import java.util.Map;
import java.util.Random;

/** The shared adapter contract, spoken in GetWanMonitor's wire format. */
class QingCloudContractTest extends TrafficSourceContractKit {

    @Override
    protected TrafficSource newSource(URI endpoint, RetryPolicy retries, RateLimit rateLimit) {
        return new QingCloudTrafficSource(QingCloudConfig.builder()
                .endpoint(endpoint)
                .accessKeyId("QYKITACCESSKEYID")
                .secretAccessKey(SECRET)
                .retryPolicy(retries)
                .rateLimit(rateLimit)
                .build());
    }

    @Override
    protected PlannedCall aDay() {
        return new PlannedCall(QingCloudWanAccess.of("pek3", "waif-1", "vpc"),
                TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"), Step.FIVE_MINUTES,
                Source.QINGCLOUD_WAN.limits().metrics());
    }

    @Override
    protected StubVendor.Reply trafficReply(PlannedCall call, Map<Metric, double[]> values) {
        return StubVendor.Reply.json(200, CompressedSeries.answer(call, values, new Random(13)));
    }

    @Override
    protected StubVendor.Reply notFoundReply() {
        return StubVendor.Reply.json(200, "{\"ret_code\":2100,\"message\":\"ResourceNotFound, resource [waif-1] not found\"}");
    }

    @Override
    protected StubVendor.Reply authFailureReply() {
        return StubVendor.Reply.json(200, "{\"ret_code\":1200,\"message\":\"AuthFailure, signature not matched\"}");
    }

    @Override
    protected StubVendor.Reply throttledReply() {
        return StubVendor.Reply.json(429, "");
    }

    @Override
    protected String notFoundCode() {
        return "2100";
    }

    /** QingCloud sends no request id. */
    @Override
    protected String notFoundRequestId() {
        return null;
    }
}
