package dev.trafficlens.benchmarks.load;

import dev.trafficlens.domain.port.out.SampleArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures what the sample archive buys after a restart: the load driver's 30-day five-link month query (billing95 of
 * one link on each source), first cold from the vendors on an empty archive, then from a second service process on
 * the same archive with every vendor call failing (so any call would fail the query), its vendor calls read from the
 * service's own {@code trafficlens.vendor.calls}. The cold figure is taken on a JVM warmed by one month's query of
 * five other links; both sets are registered as links, so the restarted service warms up on them (reading every
 * link's month, querying the first five, the other links) before it reports itself ready, and its very first query
 * after that is the measured one. Prints them as Markdown for docs/performance.md.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.trafficlens.benchmarks.load.ArchiveRestartDriver --jar
 * <service jar> [--vendor-latency-ms 100] [--datasource-url jdbc:…] [--repeats 5] [--service-arg KEY=VALUE ...]};
 * without {@code --datasource-url} the archive is a fresh H2 file in a temporary directory (a PostgreSQL URL must name
 * an empty schema, e.g. {@code ?currentSchema=restart_bench}).
 */
public final class ArchiveRestartDriver {

    private ArchiveRestartDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = null;
        int latencyMs = 100;
        int repeats = 5;
        String datasource = null;
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + ": expected a value after it");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--jar" -> jar = Path.of(value);
                case "--vendor-latency-ms" -> latencyMs = Integer.parseInt(value);
                case "--repeats" -> repeats = Integer.parseInt(value);
                case "--datasource-url" -> datasource = value;
                case "--service-arg" -> extra.add(value);
                default -> throw new IllegalArgumentException(args[i] + ": unknown option; expected --jar, "
                        + "--vendor-latency-ms, --repeats, --datasource-url or --service-arg");
            }
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jar: expected the service's executable jar, got " + jar);
        }
        if (datasource == null) {
            datasource = "jdbc:h2:file:" + Files.createTempDirectory("trafficlens-restart-").resolve("archive");
        }
        List<String> common = new ArrayList<>(List.of(
                "spring.datasource.url=" + datasource,
                "trafficlens.collector.enabled=false"));
        common.addAll(extra);

        // A window that has passed and settled: the archive remembers its vendor gaps (SampleArchive.SETTLED_AFTER),
        // so the second process has nothing to ask the vendors for.
        Instant to = Instant.now().minus(SampleArchive.SETTLED_AFTER).truncatedTo(ChronoUnit.HOURS);
        String month = Queries.fiveSources(to.minus(Duration.ofDays(30)), to, true, "restart");
        String warmMonth = Queries.fiveSources(to.minus(Duration.ofDays(30)), to, true, "warm");

        double coldSeconds;
        double coldCalls;
        List<String> cold = new ArrayList<>(common);
        cold.add("trafficlens.sandbox.faults=NONE:" + latencyMs + "@.*");
        try (RunningService service = RunningService.start(jar, "1g", cold)) {
            // Both sets registered as a user's links are (the restarted service warms up on them before it is
            // ready); this JVM warms up on the other links' month, which leaves the measured links' samples
            // unarchived.
            service.timed(Queries.fiveLinks("warm"));
            service.timed(Queries.fiveLinks("restart"));
            service.timed(warmMonth);
            Thread.sleep(2_000); // the vendors' rate limits refill
            double before = service.metric("trafficlens.vendor.calls", "COUNT");
            coldSeconds = service.timed(month) / 1e9;
            coldCalls = service.metric("trafficlens.vendor.calls", "COUNT") - before;
        }

        List<String> unreachable = new ArrayList<>(common);
        unreachable.add("trafficlens.sandbox.faults=SERVER_ERROR@.*");
        double firstSeconds;
        double bestSeconds = Double.MAX_VALUE;
        double restartCalls;
        try (RunningService service = RunningService.start(jar, "1g", unreachable)) {
            // Ready only after its start-up warm-up (StartupWarmUp, on the registered "warm" links); its calls, if
            // any, are counted from the process's start.
            // The JVM's first query: the measured links, which nothing in this process has read before.
            firstSeconds = service.timed(month) / 1e9;
            for (int i = 1; i < repeats; i++) {
                bestSeconds = Math.min(bestSeconds, service.timed(month) / 1e9);
            }
            restartCalls = service.metric("trafficlens.vendor.calls", "COUNT");
        }

        System.out.printf(Locale.ROOT, "%nMachine: %d cores, Java %s; vendor latency %d ms; archive %s; %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), latencyMs,
                datasource.replaceAll("password=[^&;]*", "password=…"), Instant.now());
        System.out.println("| scenario | figure |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| cold: 30 days, five links, from the vendors, empty archive | %.0f vendor calls; wall **%.2f s** |%n",
                coldCalls, coldSeconds);
        System.out.printf(Locale.ROOT, "| after a restart, vendors failing every call, from the archive: the JVM's first"
                        + " query, once ready (start-up warm-up done) | %.3f s = **%.3f × cold**; later queries best"
                        + " %.3f s; **%.0f vendor calls** since the start, warm-up included, over %d queries |%n",
                firstSeconds, firstSeconds / coldSeconds,
                repeats > 1 ? bestSeconds : firstSeconds, restartCalls, repeats);
    }
}
