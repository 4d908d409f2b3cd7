package dev.trafficlens.adapters.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.domain.stats.BillingRule;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's library example, run through the domain's query service against a stub QingCloud. */
class QingCloudLibraryUseTest {

    /** A flat 100 Mbit/s in (12.5 MB/s) and 50 Mbit/s out for the 5-minute day the request asks for. */
    private static StubVendor.Reply flatDay(StubVendor.Request request) {
        long start = Instant.parse(parameter(request, "start_time")).getEpochSecond();
        StringBuilder data = new StringBuilder("[[" + start + ",[12500000,6250000]]");
        for (int slot = 1; slot < 288; slot++) {
            data.append(",[12500000,6250000]");
        }
        return StubVendor.Reply.json(200, "{\"action\":\"GetWanMonitorResponse\",\"ret_code\":0,"
                + "\"resource_id\":\"waif-6bm6mt85\",\"meter_set\":[{\"meter_id\":\"traffic\",\"data\":" + data + "]}]}");
    }

    private static String parameter(StubVendor.Request request, String name) {
        for (String pair : request.rawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + request.rawQuery());
    }

    @Test
    void two_days_through_the_query_service_become_two_signed_calls_and_one_billing_figure() {
        try (StubVendor vendor = StubVendor.start()) {
            vendor.then(QingCloudLibraryUseTest::flatDay);

            URI endpoint = vendor.endpoint();
            String accessKeyId = "QYLIBRARYEXAMPLE";
            String secretAccessKey = "library-example-secret";
            Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

            // README: example
            QingCloudTrafficSource qingCloud = new QingCloudTrafficSource(QingCloudConfig.builder()
                    .endpoint(endpoint)                     // default https://api.qingcloud.com
                    .accessKeyId(accessKeyId)
                    .secretAccessKey(secretAccessKey)
                    .build());
            TrafficQueryService traffic = new TrafficQueryService(List.of(qingCloud), clock, QuerySettings.DEFAULTS);

            TrafficQuery gateway = TrafficQuery.of(QingCloudWanAccess.of("pek3", "waif-6bm6mt85", "vpc"),
                            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"))
                    .withMetrics(Metric.BITRATE_IN, Metric.BITRATE_OUT); // two one-day GetWanMonitor calls at 5m
            List<QueryOutcome> outcomes = traffic.run(List.of(gateway)).toCompletableFuture().join();

            outcomes.get(0).result()
                    .peek(result -> System.out.println("p95: " + result.billing95(BillingRule.HIGHER_DIRECTION)))
                    .peekLeft(errors -> errors.forEach(error -> System.out.println(error.kind() + ": " + error.message())));
            // README: end

            assertThat(outcomes.get(0).errors()).isEmpty();
            TrafficResult result = outcomes.get(0).result().get();
            assertThat(result.billing95(BillingRule.HIGHER_DIRECTION)).hasValue(100e6);
            assertThat(result.series(Metric.BITRATE_OUT).orElseThrow().presentCount()).isEqualTo(576);
            assertThat(vendor.requests()).extracting(request -> parameter(request, "start_time"))
                    .containsExactlyInAnyOrder("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
            assertThat(vendor.requests()).allSatisfy(request ->
                    assertThat(parameter(request, "meters.1")).isEqualTo("traffic"));
        }
    }
}
