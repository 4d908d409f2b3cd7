package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.graphql.config.TrafficMetrics;
import dev.trafficlens.graphql.generated.client.TrafficProjectionRoot;
import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.VendorSandbox;
import graphql.ExecutionResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Vendor calls, their errors and retries, planned calls and cache hits are counted, and served to Prometheus. The
 * archive is off: it would answer a repeated window (its settled gaps included) without planning a call, and the
 * cache's counts are what is measured here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "trafficlens.archive.enabled=false")
class MetricsTest {

    private static final String ZENLAYER = "zenlayer.private-connect";

    @Autowired
    DgsQueryExecutor dgs;

    @Autowired
    VendorSandbox sandbox;

    @Autowired
    MeterRegistry registry;

    @LocalServerPort
    int port;

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }

    @Test
    void a_repeated_query_counts_planned_calls_and_cache_hits_but_no_new_vendor_call() {
        String query = link("metrics-pc-1");
        double plannedBefore = count(TrafficMetrics.PLANNED_CALLS, s -> s.tag("source", ZENLAYER));
        double vendorBefore = count(TrafficMetrics.VENDOR_CALLS, s -> s.tag("source", ZENLAYER).tag("outcome", "ok"));
        double requestsBefore = count(TrafficMetrics.VENDOR_REQUESTS, s -> s.tag("source", ZENLAYER).tag("status", "200"));
        execute(query);
        double planned = count(TrafficMetrics.PLANNED_CALLS, s -> s.tag("source", ZENLAYER)) - plannedBefore;
        double vendor = count(TrafficMetrics.VENDOR_CALLS, s -> s.tag("source", ZENLAYER).tag("outcome", "ok")) - vendorBefore;
        double requests = count(TrafficMetrics.VENDOR_REQUESTS, s -> s.tag("source", ZENLAYER).tag("status", "200"))
                - requestsBefore;
        double vendorAfterFirst = count(TrafficMetrics.VENDOR_CALLS, s -> s.tag("source", ZENLAYER));
        double hits = cacheGets("hit");

        execute(query);

        assertThat(planned).isPositive();
        assertThat(vendor).isEqualTo(planned);
        assertThat(requests).isEqualTo(vendor);
        assertThat(count(TrafficMetrics.PLANNED_CALLS, s -> s.tag("source", ZENLAYER)))
                .isEqualTo(plannedBefore + 2 * planned);
        assertThat(count(TrafficMetrics.VENDOR_CALLS, s -> s.tag("source", ZENLAYER))).isEqualTo(vendorAfterFirst);
        assertThat(cacheGets("hit")).isEqualTo(hits + planned);
    }

    @Test
    void a_vendor_error_is_counted_by_kind_and_vendor_code() {
        ExecutionResult result = dgs.execute(link("missing-metrics"));

        assertThat(result.getErrors()).isNotEmpty();
        assertThat(count(TrafficMetrics.VENDOR_CALLS, s -> s.tag("source", ZENLAYER)
                .tag("outcome", "NOT_FOUND").tag("code", "INVALID_PRIVATE_CONNECT_NOT_FOUND"))).isPositive();
    }

    @Test
    void retries_of_a_failing_vendor_are_counted() {
        sandbox.faults().add(FaultRule.forResources("retried-pc", FaultRule.Kind.SERVER_ERROR));
        double retries = count(TrafficMetrics.VENDOR_RETRIES, s -> s.tag("source", ZENLAYER));

        ExecutionResult result = dgs.execute(link("retried-pc"));

        assertThat(result.getErrors()).isNotEmpty();
        assertThat(count(TrafficMetrics.VENDOR_RETRIES, s -> s.tag("source", ZENLAYER))).isGreaterThan(retries);
        assertThat(count(TrafficMetrics.VENDOR_REQUESTS, s -> s.tag("source", ZENLAYER).tag("status", "500")))
                .isGreaterThan(1);
    }

    @Test
    void prometheus_scrapes_the_meters_without_any_credential() throws Exception {
        execute(link("metrics-pc-2"));

        HttpResponse<String> scrape = new ServiceClient(port).get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("trafficlens_vendor_requests_seconds_count{",
                "trafficlens_vendor_calls_seconds_count{", "trafficlens_planned_calls_seconds_count{",
                "cache_gets_total{cache=\"trafficlens.vendor-calls\"");
        assertThat(scrape.body()).doesNotContain(sandbox.credentials().accessKeySecret());
    }

    private void execute(String query) {
        assertThat(dgs.execute(query).getErrors()).isEmpty();
    }

    private double count(String name, UnaryOperator<Search> tags) {
        return tags.apply(registry.find(name)).timers().stream().mapToDouble(timer -> timer.count()).sum()
                + tags.apply(registry.find(name)).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private double cacheGets(String result) {
        return registry.find("cache.gets").tag("cache", TrafficMetrics.CACHE).tag("result", result)
                .tag("sources", "zenlayer.cloud-router,zenlayer.private-connect")
                .functionCounters().stream().mapToDouble(counter -> counter.count()).sum();
    }


    private static String link(String privateConnectId) {
        return TrafficQueries.traffic(List.of(TrafficQueries.privateConnectQuery(privateConnectId)),
                new TrafficProjectionRoot<>().source().billing95());
    }
}
