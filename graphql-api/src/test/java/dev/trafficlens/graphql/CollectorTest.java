package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.adapters.archive.JdbcSampleArchive;
import dev.trafficlens.adapters.archive.ShedLockCollectorLease;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.CollectorLease;
import dev.trafficlens.graphql.decorators.MeteredSampleArchive;
import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.VendorSandbox;
import graphql.ExecutionResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Mutation.collect over the in-process sandbox: the archive fills, queries of collected windows cost no vendor call,
 * revisions are counted, a failing link is reported without stopping the others, and a lease held elsewhere skips.
 * The cache is off so that only the archive can spare a vendor call; one attempt per call keeps the failing link quick;
 * the vendor circuit breaker is off, since the failing link's calls would otherwise pause the whole source for the
 * other tests of this context (VendorCircuitTest covers the breaker).
 */
@SpringBootTest(properties = {"trafficlens.cache.enabled=false", "trafficlens.retry.max-attempts=1",
        "trafficlens.circuit-breaker.enabled=false", "trafficlens.sandbox.faults=SERVER_ERROR@pc-broken-.*"})
class CollectorTest {

    static final String COLLECT = """
            mutation($ids: [ID!]) { collect(linkIds: $ids) {
              startedAt finishedAt skipped links vendorCalls samplesStored samplesRevised
              failures { linkId code message } } }""";
    static final String LINK = "query($id: ID!) { link(id: $id) { collectedThrough lagSeconds lastError } }";
    static final String TRAFFIC = """
            query($queries: [TrafficQuery!]!) { traffic(queries: $queries) {
              provenance { archived fetched missing } warnings { code } series { values } } }""";

    @Autowired
    DgsQueryExecutor dgs;

    @Autowired
    VendorSandbox sandbox;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    String add(String privateConnectId) {
        ExecutionResult added = dgs.execute(LinksApiTest.ADD,
                LinksApiTest.linkInput("collected " + privateConnectId, privateConnectId, List.of()));
        assertThat(added.getErrors()).isEmpty();
        return (String) ((Map<?, ?>) added.<Map<String, Object>>getData().get("addLink")).get("id");
    }

    Map<String, Object> collect(String... ids) {
        ExecutionResult run = dgs.execute(COLLECT, Map.of("ids", List.of(ids)));
        assertThat(run.getErrors()).isEmpty();
        return data(run, "collect");
    }

    @SuppressWarnings("unchecked")
    static <T> T data(ExecutionResult result, String field) {
        return (T) result.<Map<String, Object>>getData().get(field);
    }

    /** The latest six hours before {@code through} in which the sandbox leaves no slot of the resource empty. */
    static TimeWindow gaplessWindow(String resourceId, Instant through) {
        TrafficModel model = new TrafficModel();
        Instant to = through;
        while (true) {
            Instant from = to.minus(Duration.ofHours(6));
            boolean gapless = true;
            for (Instant slot = from; slot.isBefore(to); slot = slot.plusSeconds(300)) {
                gapless &= !model.isGap(resourceId, slot.getEpochSecond());
            }
            if (gapless) {
                return new TimeWindow(from, to);
            }
            to = to.minus(Duration.ofHours(1));
        }
    }

    @Test
    void a_collection_fills_the_archive_and_a_query_of_the_collected_window_costs_no_vendor_call() {
        String resource = unique("pc-arch-");
        String id = add(resource);

        Map<String, Object> run = collect(id);

        assertThat(run).containsEntry("skipped", false).containsEntry("links", 1).containsEntry("failures", List.of());
        assertThat((Integer) run.get("vendorCalls")).isPositive();
        assertThat((Integer) run.get("samplesStored")).as("30 days of two metrics, less the gaps")
                .isGreaterThan(2 * 8000);
        Map<String, Object> link = data(dgs.execute(LINK, Map.of("id", id)), "link");
        Instant through = Instant.parse((String) link.get("collectedThrough"));
        assertThat(through).isAfter(Instant.now().minus(Duration.ofMinutes(10)));
        assertThat((Double) link.get("lagSeconds")).isBetween(0.0, 600.0);
        assertThat(link.get("lastError")).isNull();

        TimeWindow window = gaplessWindow(resource, through);
        long callsBefore = sandbox.calls().total();
        ExecutionResult query = dgs.execute(TRAFFIC, Map.of("queries", List.of(Map.of("link", id, "step", "5m",
                "from", window.from().toString(), "to", window.to().toString()))));

        assertThat(query.getErrors()).isEmpty();
        Map<String, Object> result = this.<List<Map<String, Object>>>dataList(query).get(0);
        assertThat(result.get("provenance")).isEqualTo(Map.of("archived", 72, "fetched", 0, "missing", 0));
        assertThat(sandbox.calls().total()).as("vendor calls for an archived window").isEqualTo(callsBefore);
        assertThat((List<?>) result.get("series")).isNotEmpty()
                .allSatisfy(series -> assertThat((List<?>) ((Map<?, ?>) series).get("values")).hasSize(72)
                        .doesNotContainNull());
    }

    @SuppressWarnings("unchecked")
    private <T> T dataList(ExecutionResult result) {
        return (T) result.<Map<String, Object>>getData().get("traffic");
    }

    @Test
    void a_stored_sample_the_vendor_has_revised_is_replaced_and_counted() {
        String resource = unique("pc-rev-");
        String id = add(resource);
        collect(id);
        Instant through = Instant.parse((String) this.<Map<String, Object>>data(
                dgs.execute(LINK, Map.of("id", id)), "link").get("collectedThrough"));
        // Changes one stored sample inside the settle window behind the watermark, as if the vendor had since revised
        // it: the next run re-reads that window and finds the vendor's value differing from the stored one.
        Instant slot = through.minus(Duration.ofMinutes(5));
        while (new TrafficModel().isGap(resource, slot.getEpochSecond())) {
            slot = slot.minus(Duration.ofMinutes(5)); // the vendor has no sample there to revise with
        }
        assertThat(slot).as("inside the settle window").isAfter(through.minus(Duration.ofMinutes(15)));
        double[] stale = new double[1];
        stale[0] = 1.0;
        new JdbcSampleArchive(dataSource).write(ZenlayerPrivateConnect.validate(resource).get(),
                List.of(TrafficSeries.of(Metric.BITRATE_IN, slot, dev.trafficlens.domain.model.Step.FIVE_MINUTES,
                        stale)));
        double revisedBefore = meters.counter(MeteredSampleArchive.REVISED).count();

        Map<String, Object> run = collect(id);

        assertThat((Integer) run.get("samplesRevised")).isGreaterThanOrEqualTo(1);
        assertThat(meters.counter(MeteredSampleArchive.REVISED).count() - revisedBefore)
                .isEqualTo(((Integer) run.get("samplesRevised")).doubleValue());
    }

    @Test
    void a_failing_link_gets_its_error_and_the_others_are_collected() {
        String broken = add(unique("pc-broken-"));
        String healthy = add(unique("pc-ok-"));

        Map<String, Object> run = collect(broken, healthy);

        assertThat(run).containsEntry("links", 2);
        List<Map<String, Object>> failures = (List<Map<String, Object>>) run.get("failures");
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure).containsEntry("linkId", broken).containsEntry("code", "VENDOR_UNAVAILABLE");
            assertThat((String) failure.get("message")).isNotBlank();
        });
        Map<String, Object> brokenLink = data(dgs.execute(LINK, Map.of("id", broken)), "link");
        assertThat(brokenLink.get("collectedThrough")).isNull();
        assertThat((String) brokenLink.get("lastError")).startsWith("VENDOR_UNAVAILABLE");
        Map<String, Object> healthyLink = data(dgs.execute(LINK, Map.of("id", healthy)), "link");
        assertThat(healthyLink.get("collectedThrough")).isNotNull();
        assertThat(healthyLink.get("lastError")).isNull();
    }

    @Test
    void a_collection_while_another_replica_holds_the_lease_is_skipped_at_once() {
        String id = add(unique("pc-lease-"));
        long callsBefore = sandbox.calls().total();
        CollectorLease otherReplica = new ShedLockCollectorLease(dataSource, "other-replica");
        Map<String, Object> skipped;
        try (CollectorLease.Held held = otherReplica.tryAcquire(Duration.ofMinutes(10)).orElseThrow()) {
            skipped = collect(id);
        }

        assertThat(skipped).containsEntry("skipped", true).containsEntry("finishedAt", null)
                .containsEntry("links", 0).containsEntry("vendorCalls", 0);
        assertThat(sandbox.calls().total()).isEqualTo(callsBefore);
        assertThat(collect(id)).as("once the lease is released").containsEntry("skipped", false)
                .containsEntry("links", 1);
    }

    @Test
    void an_unknown_link_id_is_a_failure_of_the_run() {
        Map<String, Object> run = collect("lnk_NOSUCHLINK00000");

        assertThat(run).containsEntry("links", 0);
        assertThat((List<Map<String, Object>>) run.get("failures")).singleElement()
                .satisfies(failure -> assertThat(failure).containsEntry("linkId", "lnk_NOSUCHLINK00000")
                        .containsEntry("code", "NOT_FOUND"));
    }

    @Test
    void collector_runs_are_counted_by_outcome() {
        double before = meters.counter("trafficlens.collector.runs", "outcome", "completed").count();
        collect();
        assertThat(meters.counter("trafficlens.collector.runs", "outcome", "completed").count()).isEqualTo(before + 1);
    }
}
