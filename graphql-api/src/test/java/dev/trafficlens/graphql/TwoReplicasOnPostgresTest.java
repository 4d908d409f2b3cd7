package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.archive.PostgresArchiveDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two service processes on one PostgreSQL schema, every vendor call slowed by the sandbox so that a backfill outlasts
 * an interval: the collector runs on one replica at a time (the other's scheduled runs skip), no backfill is read
 * twice (the vendor calls summed over both are what one process needs for the same links, measured by a reference
 * process on an H2 file of its own, plus at most a settle re-read per completed run), and the replica holding the
 * lease, killed with SIGKILL mid-run, is taken over by the other one once the lease expires. Skipped with a message
 * where no PostgreSQL answers; fails instead when CI is set.
 */
class TwoReplicasOnPostgresTest {

    @RegisterExtension
    static final PostgresArchiveDatabase DATABASE = new PostgresArchiveDatabase();

    private static final Duration INTERVAL = Duration.ofSeconds(3);
    private static final Duration LEASE = INTERVAL.multipliedBy(3);
    private static final int FIRST_LINKS = 3;
    private static final int MORE_LINKS = 4;
    private static final String LINK_LIST = "{ links { id collectedThrough } }";

    @Test
    void one_collection_at_a_time_no_backfill_read_twice_and_a_killed_holder_is_taken_over(@TempDir Path directory)
            throws Exception {
        long[] reference = referenceCalls(directory);
        long backfillCalls = reference[0];
        long settleCalls = reference[1];

        String url = Optional.ofNullable(System.getenv(PostgresArchiveDatabase.URL_VARIABLE))
                .filter(value -> !value.isBlank()).orElse(PostgresArchiveDatabase.DEFAULT_URL);
        String[] replica = {
            "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + DATABASE.schema(),
            "--spring.datasource.username=postgres", "--trafficlens.collector.enabled=true",
            "--trafficlens.collector.interval=" + INTERVAL.toSeconds() + "s",
            "--trafficlens.sandbox.faults=NONE:150@.*"};
        try (ServiceProcess a = ServiceProcess.start("replica-a", replica);
             ServiceProcess b = ServiceProcess.start("replica-b", replica)) {
            String logs = "; replica logs: " + a.output() + ", " + b.output();
            List<String> first = addLinks(a, "pc-replica-", FIRST_LINKS);
            await("every link is collected" + logs, Duration.ofMinutes(2), () -> collected(b, first) == FIRST_LINKS);

            double calls = a.counter("trafficlens.vendor.calls") + b.counter("trafficlens.vendor.calls");
            double completed = runs(a, "completed") + runs(b, "completed");
            assertThat(calls).as("vendor calls over both replicas: each link's backfill once (%d calls for %d links "
                            + "alone), and at most a settle re-read (%d calls) per completed run (%s)%s",
                    backfillCalls, FIRST_LINKS, settleCalls, completed, logs)
                    .isBetween((double) backfillCalls, backfillCalls + completed * settleCalls);
            assertThat(runs(a, "skipped") + runs(b, "skipped"))
                    .as("scheduled runs that found the lease held while the other replica's backfill ran" + logs)
                    .isPositive();

            List<String> more = addLinks(a, "pc-replica-more-", MORE_LINKS);
            await("a run is collecting the new links" + logs, Duration.ofMinutes(2),
                    () -> collected(a, more) >= 1);
            int collectedBeforeTheKill = collected(a, more);
            String holder = JdbcClient.create(DATABASE.dataSource())
                    .sql("SELECT locked_by FROM " + DATABASE.schema() + ".archive_lease").query(String.class).single();
            assertThat(holder).as("the lease's holder is one of the replicas" + logs)
                    .satisfiesAnyOf(h -> assertThat(h).endsWith("/" + a.pid()), h -> assertThat(h).endsWith("/" + b.pid()));
            ServiceProcess killed = holder.endsWith("/" + a.pid()) ? a : b;
            ServiceProcess survivor = killed == a ? b : a;
            double survivorCalls = survivor.counter("trafficlens.vendor.calls");
            killed.kill();
            assertThat(collectedBeforeTheKill).as("the kill came mid-run" + logs).isLessThan(MORE_LINKS);

            // The killed holder's lease expires at most a lease after its last heartbeat; the survivor's next
            // scheduled run after that takes it over.
            await("the survivor reads from the vendor within a lease and two intervals of the kill" + logs,
                    LEASE.plus(INTERVAL.multipliedBy(2)),
                    () -> counter(survivor, "trafficlens.vendor.calls") > survivorCalls);
            await("the survivor collects every link" + logs, Duration.ofMinutes(2),
                    () -> collected(survivor, more) == MORE_LINKS && collected(survivor, first) == FIRST_LINKS);
            assertThat(runs(survivor, "completed")).as("runs completed by the survivor" + logs).isPositive();
            assertThat(JdbcClient.create(DATABASE.dataSource())
                    .sql("SELECT locked_by FROM " + DATABASE.schema() + ".archive_lease").query(String.class).single())
                    .as("the lease's holder after the takeover" + logs).endsWith("/" + survivor.pid());
        }
    }

    /**
     * What one process alone needs for {@value #FIRST_LINKS} links (on an H2 file, no scheduled run, no fault): the
     * vendor calls of their backfill, and of a settle re-read of all of them right after.
     */
    private static long[] referenceCalls(Path directory) throws Exception {
        try (ServiceProcess alone = ServiceProcess.start("replica-reference",
                "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("reference"),
                "--spring.datasource.username=sa", "--trafficlens.collector.interval=1h")) {
            List<String> ids = addLinks(alone, "pc-reference-", FIRST_LINKS);
            JsonNode backfill = alone.graphql(CollectorTest.COLLECT, Map.of("ids", ids)).path("collect");
            JsonNode settle = alone.graphql(CollectorTest.COLLECT, Map.of("ids", ids)).path("collect");
            for (JsonNode run : List.of(backfill, settle)) {
                assertThat(run.path("skipped").asBoolean()).as(run + "; service output: " + alone.output()).isFalse();
                assertThat(run.path("failures").size()).as(run + "; service output: " + alone.output()).isZero();
            }
            assertThat(backfill.path("vendorCalls").asLong()).isGreaterThanOrEqualTo(30L * FIRST_LINKS);
            return new long[] {backfill.path("vendorCalls").asLong(), settle.path("vendorCalls").asLong()};
        }
    }

    private static List<String> addLinks(ServiceProcess service, String prefix, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode added = service.graphql(LinksApiTest.ADD,
                    LinksApiTest.linkInput(prefix + i, CollectorTest.unique(prefix), List.of()));
            ids.add(added.at("/addLink/id").asString());
        }
        return ids;
    }

    /** How many of {@code ids} have a watermark. */
    private static int collected(ServiceProcess service, List<String> ids) {
        try {
            Set<String> wanted = Set.copyOf(ids);
            int collected = 0;
            for (JsonNode link : service.graphql(LINK_LIST, Map.of()).path("links")) {
                if (wanted.contains(link.path("id").asString()) && !link.path("collectedThrough").isNull()) {
                    collected++;
                }
            }
            return collected;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double runs(ServiceProcess service, String outcome) throws Exception {
        return service.counter("trafficlens.collector.runs", "outcome:" + outcome);
    }

    private static double counter(ServiceProcess service, String name) {
        try {
            return service.counter(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
