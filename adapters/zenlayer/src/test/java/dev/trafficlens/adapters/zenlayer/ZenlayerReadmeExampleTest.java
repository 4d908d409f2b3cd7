package dev.trafficlens.adapters.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.TrafficSource;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.domain.stats.BillingRule;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The README's library example, compiled and run against a stub Zenlayer so it cannot drift from the code. */
class ZenlayerReadmeExampleTest {

    @Test
    void a_library_user_queries_zenlayer_through_the_inbound_port() {
        try (StubVendor vendor = StubVendor.start()) {
            vendor.then(ZenlayerReadmeExampleTest::flat100MbitPerSecond);
            URI endpoint = vendor.endpoint();
            String accessKeyId = "readme-key";
            String accessKeyPassword = "readme-password";
            Clock clock = Clock.fixed(Instant.parse("2026-01-08T12:00:00Z"), ZoneOffset.UTC);

            // README: example
            TrafficSource zenlayer = new ZenlayerTrafficSource(ZenlayerConfig.builder()
                    .endpoint(endpoint)                     // default https://console.zenlayer.com
                    .accessKeyId(accessKeyId)
                    .accessKeyPassword(accessKeyPassword)   // kept as a Secret: never printed or logged
                    .build());
            TrafficQueryService traffic = new TrafficQueryService(List.of(zenlayer), clock, QuerySettings.DEFAULTS);

            Instant from = Instant.parse("2026-01-01T00:00:00Z");
            Instant to = Instant.parse("2026-01-08T00:00:00Z");  // seven one-day calls each
            List<QueryOutcome> outcomes = traffic.run(List.of(
                    TrafficQuery.of(new ZenlayerPrivateConnect("pc-1"), from, to),
                    TrafficQuery.of(new ZenlayerCloudRouterDcPair("cr-1", "dc-a", "dc-z"), from, to)))
                    .toCompletableFuture().join();

            for (QueryOutcome outcome : outcomes) {
                outcome.result()
                        .peek(result -> System.out.println(result.source().id() + " p95: "
                                + result.billing95(BillingRule.PER_INTERVAL_MAX) + " bit/s; Zenlayer's own "
                                + "in95, inAvg, ... for each day: " + result.vendorSummaries()))
                        .peekLeft(errors -> errors.forEach(error -> System.out.println(
                                error.kind() + ": " + error.message())));
            }
            // README: end

            assertThat(outcomes).allSatisfy(outcome -> {
                assertThat(outcome.result().get().billing95(BillingRule.PER_INTERVAL_MAX)).hasValue(100e6);
                assertThat(outcome.result().get().series(Metric.BITRATE_IN).orElseThrow().presentCount())
                        .isEqualTo(7 * 288);
                assertThat(outcome.result().get().vendorSummaries()).hasSize(7);
            });
            assertThat(vendor.requests()).hasSize(14);
        }
    }

    /** A day of 100 Mbit/s both ways for whatever window and resource the request names. */
    private static StubVendor.Reply flat100MbitPerSecond(StubVendor.Request request) {
        JsonNode body = JsonBodies.parse(request.body()).get();
        Instant start = Instant.parse(body.get("startTime").stringValue());
        Instant end = Instant.parse(body.get("endTime").stringValue()).plusSeconds(1);
        PlannedCall call = new PlannedCall(new ZenlayerPrivateConnect("any"), new TimeWindow(start, end),
                Step.FIVE_MINUTES, Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT));
        double[] flat = new double[call.window().sampleCount(Step.FIVE_MINUTES)];
        Arrays.fill(flat, 100e6);
        String traffic = ZenlayerReplies.trafficBody(call, Map.of(Metric.BITRATE_IN, flat, Metric.BITRATE_OUT, flat));
        // The vendor's own summary for the day, as Zenlayer sends it beside the points.
        return StubVendor.Reply.json(200, traffic.replace("\"unit\":\"bps\"", "\"in95\":100000000,\"unit\":\"bps\""));
    }
}
