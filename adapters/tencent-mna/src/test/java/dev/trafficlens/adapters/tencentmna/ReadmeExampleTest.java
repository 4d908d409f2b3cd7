package dev.trafficlens.adapters.tencentmna;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.adapters.support.StubVendor;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.domain.stats.StatisticsRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's library example, run against a stub vendor: the adapter plugged into the domain's inbound port. */
class ReadmeExampleTest {

    @Test
    void a_week_of_hourly_volumes_through_the_query_service() {
        Instant from = Instant.parse("2026-11-18T00:00:00Z");
        try (StubVendor vendor = StubVendor.start()) {
            vendor.then(request -> {
                int type = JsonBodies.MAPPER.readTree(request.body()).get("Type").asInt();
                Map<Instant, Double> hours = new LinkedHashMap<>();
                for (int hour = 0; hour < 7 * 24; hour++) {
                    hours.put(from.plusSeconds(hour * 3600L), type * 1e9);
                }
                return MnaBodies.flowReply(hours);
            });

            URI endpoint = vendor.endpoint();
            String secretId = "AKIDexample";
            String secretKey = "example-secret-key";
            Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

            // README: example
            TencentMnaConfig config = TencentMnaConfig.builder()
                    .endpoint(endpoint)                     // default https://mna.intl.tencentcloudapi.com
                    .secretId(secretId)
                    .secretKey(secretKey)
                    .clock(clock)
                    .build(); // 20 calls/s, default retries
            TrafficQueryService traffic = new TrafficQueryService(
                    List.of(new TencentMnaTrafficSource(config)), clock, QuerySettings.DEFAULTS);

            // Hourly bytes (the source's default step) of public-cloud gateways in mainland China, up, down and total.
            TrafficQuery lastWeek = TrafficQuery.of(new TencentMnaRegion(0, Optional.of("MC")),
                    Instant.parse("2026-11-18T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z"));
            QueryOutcome outcome = traffic.run(List.of(lastWeek)).toCompletableFuture().join().get(0);

            outcome.result()
                    .peek(result -> result.statistics(Metric.VOLUME_TOTAL, StatisticsRequest.BILLING).ifPresent(total ->
                            System.out.println("bytes moved: " + total.total().orElse(0) + ", hours missing: " + total.missing())))
                    .peekLeft(errors -> errors.forEach(error -> System.out.println(error.kind() + ": " + error.message())));
            // README: end

            assertThat(outcome.errors()).isEmpty();
            assertThat(outcome.result().get().statistics(Metric.VOLUME_TOTAL, StatisticsRequest.BILLING)
                    .orElseThrow().total()).hasValue(7 * 24 * 3e9);
            assertThat(outcome.result().get().series(Metric.VOLUME_OUT).orElseThrow().presentCount())
                    .isEqualTo(7 * 24);
            assertThat(vendor.requests()).as("one 7-day call, one request per direction").hasSize(3);
        }
    }
}
