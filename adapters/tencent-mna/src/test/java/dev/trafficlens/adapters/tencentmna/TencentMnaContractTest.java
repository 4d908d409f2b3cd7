package dev.trafficlens.adapters.tencentmna;

import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.adapters.support.TrafficSourceContractKit;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.TrafficSource;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared adapter contract, spoken in GetFlowStatisticByRegion's wire format. The kit scripts one reply per
 * call without seeing the request, while this API answers one metric per request, so the kit's day asks for one
 * metric; several metrics a call are proven in {@link TencentMnaTrafficSourceTest} and the Pact tests.
 */
class TencentMnaContractTest extends TrafficSourceContractKit {

    /** After the kit's day, so no window is clamped to "now". */
    private static final Clock AFTER_THE_DAY = Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC);

    @Override
    protected TrafficSource newSource(URI endpoint, RetryPolicy retries, RateLimit rateLimit) {
        return new TencentMnaTrafficSource(TencentMnaConfig.builder()
                .endpoint(endpoint)
                .secretId("AKIDkitSecretId")
                .secretKey(SECRET)
                .retryPolicy(retries)
                .rateLimit(rateLimit)
                .clock(AFTER_THE_DAY)
                .build());
    }

    @Override
    protected PlannedCall aDay() {
        return new PlannedCall(new TencentMnaRegion(0, Optional.of("MC")),
                TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"), Step.ONE_HOUR,
                Set.of(Metric.VOLUME_TOTAL));
    }

    @Override
    protected StubVendor.Reply trafficReply(PlannedCall call, Map<Metric, double[]> values) {
        double[] samples = values.get(Metric.VOLUME_TOTAL);
        Map<Instant, Double> byTime = new LinkedHashMap<>();
        for (int i = 0; i < samples.length; i++) {
            byTime.put(call.window().from().plusSeconds(i * call.step().seconds()), samples[i]);
        }
        return MnaBodies.flowReply(byTime);
    }

    @Override
    protected StubVendor.Reply notFoundReply() {
        return MnaBodies.errorReply(notFoundCode(), "The resource does not exist.");
    }

    @Override
    protected StubVendor.Reply authFailureReply() {
        return MnaBodies.errorReply("AuthFailure.SignatureFailure",
                "The provided credentials could not be validated. Please check your signature is correct.");
    }

    @Override
    protected StubVendor.Reply throttledReply() {
        return MnaBodies.errorReply("RequestLimitExceeded", "Your current request rate exceeds the limit.");
    }

    @Override
    protected String notFoundCode() {
        return "ResourceNotFound";
    }

    @Override
    protected String notFoundRequestId() {
        return MnaBodies.REQUEST_ID;
    }
}
