package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.sandbox.TrafficModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The service killed with SIGKILL in the middle of a collection (a separate JVM on an H2 file, every vendor call
 * slowed by the sandbox so that the backfill of eight links takes seconds), then started again on the same file with
 * the vendors fine: each collected link answers from the archive alone (a gapless window, no vendor call), the next
 * collection resumes (links already collected cost a re-read of their settle window, not a backfill), and below each
 * watermark every sample the vendor has is stored once (the blocks' {@code present} counts over the whole days
 * collected equal the metrics times the slots less the sandbox's gaps, read through JDBC once the service stopped).
 */
class KilledMidCollectionTest {

    private static final int LINKS = 8;
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final String LINK_LIST = "{ links { id collectedThrough } }";
    private static final String LINK = "query($id: ID!) { link(id: $id) { createdAt collectedThrough } }";
    private static final String TRAFFIC = """
            query($link: ID!, $from: DateTime!, $to: DateTime!) { traffic(queries: [{link: $link, from: $from,
              to: $to, step: "5m"}]) { provenance { archived fetched missing } series { values } } }""";

    @Test
    void nothing_is_lost_or_stored_twice_and_the_next_run_resumes(@TempDir Path directory) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("archive");
        // The dead process's lease lasts three collector intervals (it is never released): 2 s ones let the
        // restarted service take it at once.
        String[] database = {"--spring.datasource.url=" + url, "--spring.datasource.username=sa",
            "--trafficlens.collector.interval=2s"};
        Map<String, String> resources = new HashMap<>();
        int collectedBeforeTheKill;
        try (ServiceProcess slow = ServiceProcess.start("killed-mid-collection", with(database,
                "--trafficlens.sandbox.faults=NONE:400@.*"))) {
            for (int i = 0; i < LINKS; i++) {
                String resource = CollectorTest.unique("pc-killed-" + i + "-");
                JsonNode added = slow.graphql(LinksApiTest.ADD,
                        LinksApiTest.linkInput("killed " + i, resource, List.of()));
                resources.put(added.at("/addLink/id").asString(), resource);
            }
            CompletableFuture<?> collecting = CompletableFuture.runAsync(() -> {
                try {
                    slow.http().post(CollectorTest.COLLECT, Map.of());
                } catch (Exception killedMidRequest) {
                    // expected: the process dies before it answers
                }
            });
            // H2 writes committed changes to its file up to a second later (its write delay): a watermark is sure to
            // outlive the kill only once it is that old.
            long[] firstSeen = {0};
            slow.await("a link's watermark is two seconds old", Duration.ofMinutes(2), () -> {
                if (firstSeen[0] == 0 && !watermarks(slow).isEmpty()) {
                    firstSeen[0] = System.nanoTime();
                }
                return firstSeen[0] != 0 && System.nanoTime() - firstSeen[0] > Duration.ofSeconds(2).toNanos();
            });
            slow.kill();
            collecting.join();
        }

        try (ServiceProcess restarted = ServiceProcess.start("restarted-after-kill", database)) {
            Map<String, Instant> watermarks = watermarks(restarted);
            collectedBeforeTheKill = watermarks.size();
            assertThat(collectedBeforeTheKill).as("links collected before the kill").isBetween(1, LINKS - 1);
            double callsBefore = restarted.counter("trafficlens.vendor.calls");
            for (Map.Entry<String, Instant> collected : watermarks.entrySet()) {
                // A day holding one of the sandbox's gaps is read from the vendor again by any query (the archive
                // cannot tell a vendor's gap from a sample it lacks), so the queries keep to gapless windows.
                TimeWindow gapless =
                        CollectorTest.gaplessWindow(resources.get(collected.getKey()), collected.getValue());
                JsonNode provenance = query(restarted, collected.getKey(), gapless.from(), gapless.to())
                        .at("/traffic/0/provenance");
                assertThat(provenance.toString()).isEqualTo("{\"archived\":72,\"fetched\":0,\"missing\":0}");
            }
            assertThat(restarted.counter("trafficlens.vendor.calls")).as("vendor calls for the collected windows")
                    .isEqualTo(callsBefore);

            JsonNode resumed = restarted.graphql(CollectorTest.COLLECT, Map.of()).path("collect");
            assertThat(resumed.path("skipped").asBoolean()).as(resumed.toString()).isFalse();
            assertThat(resumed.path("failures").size()).as(resumed.toString()).isZero();
            JsonNode fresh = restarted.graphql(LinksApiTest.ADD,
                    LinksApiTest.linkInput("fresh", CollectorTest.unique("pc-fresh-"), List.of()));
            JsonNode backfill = restarted.graphql(CollectorTest.COLLECT,
                    Map.of("ids", List.of(fresh.at("/addLink/id").asString()))).path("collect");
            assertThat(backfill.path("skipped").asBoolean()).as(backfill.toString()).isFalse();
            int backfillCalls = backfill.path("vendorCalls").asInt();
            assertThat(backfillCalls).isPositive();
            assertThat(resumed.path("vendorCalls").asInt()).as("a backfill per link not yet collected, a settle "
                            + "re-read (a call, two across midnight) per link collected before the kill")
                    .isLessThanOrEqualTo((LINKS - collectedBeforeTheKill) * backfillCalls + 2 * collectedBeforeTheKill)
                    .isLessThan(LINKS * backfillCalls);
            assertThat(watermarks(restarted)).hasSize(LINKS + 1);

            for (String linkId : resources.keySet()) {
                Instant through = watermarks(restarted).get(linkId);
                Instant firstDay =
                        backfilledFrom(restarted, linkId).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
                wholeDays.put(linkId, new Instant[] {firstDay, through.truncatedTo(ChronoUnit.DAYS)});
            }
        }

        // Below each watermark every sample the vendor has is stored, once: the blocks' present counts over the
        // whole days collected equal the metrics times the slots less the sandbox's gaps.
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            for (Map.Entry<String, Instant[]> days : wholeDays.entrySet()) {
                String resource = resources.get(days.getKey());
                Instant from = days.getValue()[0];
                Instant to = days.getValue()[1];
                long metrics = seriesOf(connection, resource);
                assertThat(metrics).isPositive();
                assertThat(presentInBlocks(connection, resource, from, to))
                        .as("samples stored for " + resource + " over [" + from + ", " + to + ")")
                        .isEqualTo(metrics * (slots(from, to) - gaps(resource, from, to)));
            }
        }
    }

    private final Map<String, Instant[]> wholeDays = new HashMap<>();

    private static long seriesOf(Connection connection, String resource) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from archive_series where resource_key like ?")) {
            statement.setString(1, "%privateConnectId=" + resource);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static long presentInBlocks(Connection connection, String resource, Instant fromDay, Instant toDay)
            throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("""
                select coalesce(sum(b.present), 0) from archive_block b join archive_series s on s.id = b.series_id
                where s.resource_key like ? and b.sample_day >= ? and b.sample_day < ?""")) {
            statement.setString(1, "%privateConnectId=" + resource);
            statement.setObject(2, java.time.LocalDate.ofInstant(fromDay, java.time.ZoneOffset.UTC));
            statement.setObject(3, java.time.LocalDate.ofInstant(toDay, java.time.ZoneOffset.UTC));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Where the link's backfill surely started: inside Zenlayer's 30 days as counted from the link's creation. */
    private static Instant backfilledFrom(ServiceProcess service, String linkId) throws Exception {
        Instant createdAt = Instant.parse(service.graphql(LINK, Map.of("id", linkId)).at("/link/createdAt").asString());
        return ceil(createdAt.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(10)));
    }

    private static Instant ceil(Instant instant) {
        long step = STEP.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond() + step - 1, step) * step);
    }

    private static JsonNode query(ServiceProcess service, String linkId, Instant from, Instant to) throws Exception {
        return service.graphql(TRAFFIC, Map.of("link", linkId, "from", from.toString(), "to", to.toString()));
    }

    private static int slots(Instant from, Instant to) {
        return (int) (Duration.between(from, to).toSeconds() / STEP.toSeconds());
    }

    private static int gaps(String resource, Instant from, Instant to) {
        TrafficModel model = new TrafficModel();
        int gaps = 0;
        for (Instant slot = from; slot.isBefore(to); slot = slot.plus(STEP)) {
            gaps += model.isGap(resource, slot.getEpochSecond()) ? 1 : 0;
        }
        return gaps;
    }

    /** The links' watermarks, of those that have one. */
    private static Map<String, Instant> watermarks(ServiceProcess service) {
        try {
            Map<String, Instant> watermarks = new HashMap<>();
            for (JsonNode link : service.graphql(LINK_LIST, Map.of()).path("links")) {
                if (!link.path("collectedThrough").isNull()) {
                    watermarks.put(link.path("id").asString(), Instant.parse(link.path("collectedThrough").asString()));
                }
            }
            return watermarks;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
