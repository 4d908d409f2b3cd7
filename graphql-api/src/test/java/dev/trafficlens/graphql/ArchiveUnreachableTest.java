package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.graphql.config.CollectorRuns;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive's database going away while the service runs (an H2 server of the test's own, stopped after start-up):
 * queries are answered from the vendors with an ARCHIVE_UNAVAILABLE warning, health shows the archive DOWN with no
 * detail but its circuit, link fields answer a typed error, and no request gets a 500; the collector's runs fail
 * while it is away (counted, nothing thrown) and the next run once it is back collects.
 */
class ArchiveUnreachableTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRAFFIC = """
            query($from: DateTime!, $to: DateTime!, $id: String!) { traffic(queries: [{
              resource: {zenlayerPrivateConnect: {privateConnectId: $id}}, from: $from, to: $to, step: "5m"}]) {
              provenance { archived fetched missing } warnings { code message } series { values } } }""";

    @Test
    void queries_answer_from_vendors_with_a_warning_and_health_shows_the_archive_down() throws Exception {
        Server database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String url = "jdbc:h2:tcp://localhost:" + database.getPort() + "/mem:unreachable-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1";
        try (ArchivedService service = ArchivedService.start("--spring.datasource.url=" + url)) {
            ServiceClient http = service.http();
            Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS);
            Map<String, Object> window = Map.of("from", to.minus(Duration.ofHours(6)).toString(), "to", to.toString());
            JsonNode before = graphql(http, TRAFFIC, with(window, "id", "pc-reachable"));
            assertThat(before.path("errors").isMissingNode()).isTrue();
            assertThat(before.at("/data/traffic/0/warnings").toString()).doesNotContain("ARCHIVE_UNAVAILABLE");
            assertThat(health(http).at("/components/archive/status").asString()).isEqualTo("UP");

            database.stop();

            JsonNode during = graphql(http, TRAFFIC, with(window, "id", "pc-unreachable"));
            assertThat(during.path("errors").isMissingNode()).as(during.toString()).isTrue();
            assertThat(during.at("/data/traffic/0/provenance/archived").asInt()).isZero();
            assertThat(during.at("/data/traffic/0/provenance/fetched").asInt()).as("six hours less the sandbox's gaps")
                    .isGreaterThan(60);
            assertThat(during.at("/data/traffic/0/warnings").findValuesAsString("code"))
                    .contains("ARCHIVE_UNAVAILABLE");
            assertThat(during.at("/data/traffic/0/series/0/values").size()).isEqualTo(72);
            JsonNode archive = health(http).at("/components/archive");
            assertThat(archive.path("status").asString()).isEqualTo("DOWN");
            assertThat(archive.toString()).doesNotContain(url).doesNotContain("jdbc").doesNotContain("localhost");
            JsonNode links = graphql(http, "{ links { id } }", Map.of());
            assertThat(links.at("/errors/0/extensions/code").asString()).isEqualTo("ARCHIVE_UNAVAILABLE");
            assertThat(links.toString()).doesNotContain("jdbc");
        } finally {
            database.stop();
        }
    }

    @Test
    void the_collector_fails_cleanly_while_the_database_is_away_and_the_next_run_once_it_is_back_collects(
            @TempDir Path directory) throws Exception {
        Server database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", directory.toString())
                .start();
        int port = database.getPort();
        String url = "jdbc:h2:tcp://localhost:" + port + "/archive";
        try (ArchivedService service = ArchivedService.start("--spring.datasource.url=" + url,
                "--trafficlens.collector.enabled=true", "--trafficlens.collector.interval=1s")) {
            MeterRegistry meters = service.app.getBean(MeterRegistry.class);
            String linkId = service.addLink(CollectorTest.unique("pc-away-"));
            await("the first scheduled run collects the link", () -> watermark(service, linkId).isPresent());

            database.stop();
            double failedBefore = runs(meters, "failed");
            await("a scheduled run fails while the database is away", () -> runs(meters, "failed") > failedBefore);
            HttpResponse<String> collect = service.http().post(CollectorTest.COLLECT, Map.of("ids", List.of(linkId)));
            assertThat(collect.statusCode()).as(collect.body()).isEqualTo(200);
            JsonNode refused = JSON.readTree(collect.body());
            assertThat(refused.at("/errors/0/extensions/code").asString()).as(refused.toString())
                    .isEqualTo("ARCHIVE_UNAVAILABLE");
            assertThat(refused.toString()).doesNotContain("jdbc").doesNotContain(directory.toString());

            database = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir",
                    directory.toString()).start();
            double completedBack = runs(meters, "completed");
            double linkFailuresBack = meters.counter(CollectorRuns.LINK_FAILURES).count();
            await("a scheduled run completes once the database is back",
                    () -> runs(meters, "completed") > completedBack);
            assertThat(meters.counter(CollectorRuns.LINK_FAILURES).count()).isEqualTo(linkFailuresBack);
            Map<?, ?> link = (Map<?, ?>) service.dgs.execute(CollectorTest.LINK, Map.of("id", linkId))
                    .<Map<String, Object>>getData().get("link");
            assertThat(link.get("lastError")).isNull();
            assertThat(health(service.http()).at("/components/archive/status").asString()).isEqualTo("UP");
        } finally {
            database.stop();
        }
    }

    private static double runs(MeterRegistry meters, String outcome) {
        Counter counter = meters.find(CollectorRuns.RUNS).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Optional<Instant> watermark(ArchivedService service, String linkId) {
        Map<?, ?> link = (Map<?, ?>) service.dgs.execute(CollectorTest.LINK, Map.of("id", linkId))
                .<Map<String, Object>>getData().get("link");
        return Optional.ofNullable((String) link.get("collectedThrough")).map(Instant::parse);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Map<String, Object> with(Map<String, Object> window, String key, Object value) {
        Map<String, Object> all = new java.util.HashMap<>(window);
        all.put(key, value);
        return all;
    }

    private static JsonNode graphql(ServiceClient http, String query, Map<String, ?> variables) throws Exception {
        HttpResponse<String> response = http.post(query, variables);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The health document; its status is 200 or 503 (DOWN), never a 500. */
    private static JsonNode health(ServiceClient http) throws Exception {
        HttpResponse<String> response = http.get("/actuator/health");
        assertThat(response.statusCode()).isIn(200, 503);
        return JSON.readTree(response.body());
    }

}
