package dev.trafficlens.graphql.config;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.SourceLimits;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.LinkStore;
import dev.trafficlens.domain.port.out.SampleArchive;
import dev.trafficlens.domain.stats.BillingPercentile;
import dev.trafficlens.domain.stats.BillingRule;
import dev.trafficlens.graphql.security.Caller;
import dev.trafficlens.graphql.security.Role;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs the archive's read path and the GraphQL traffic path once before the service reports itself ready, so that the
 * first user's query after a restart does not pay the JVM's class loading and first compilations (measured in
 * docs/performance.md: that first query took 0.48–0.84 × a cold month's vendor time, the next one 0.05 ×).
 * Application runners finish before Boot moves readiness to ACCEPTING_TRAFFIC, so a load balancer or Kubernetes
 * sends no traffic until this is done.
 * <p>
 * It never calls a vendor: the archive is read directly, and the GraphQL query asks only for whole days in which the
 * archive settles every slot (a sample or a remembered vendor gap), which the query service answers from the archive. Every failure
 * here is logged and ignored: a warm-up is an optimisation, never a reason not to start.
 */
@Component
class StartupWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmUp.class);

    /**
     * Links whose month is read from the archive, which brings their blocks into the database's cache: every link of
     * a fleet this size (about 2 s a thousand on PostgreSQL, docs/performance.md), the first ones of a larger one.
     */
    static final int READ_LINKS = 1_000;
    /** Links asked for over GraphQL: as many as the dashboard's usual question holds, enough to compile the paths. */
    static final int QUERIED_LINKS = 5;
    static final Duration MONTH = Duration.ofDays(30);
    /** The name the warm-up's GraphQL query runs under. */
    static final String CALLER = "startup-warm-up";

    private final DgsQueryExecutor graphql;
    private final ObjectProvider<LinkStore> links;
    private final ObjectProvider<SampleArchive> archive;
    private final Clock clock;
    private final Environment environment;

    StartupWarmUp(DgsQueryExecutor graphql, ObjectProvider<LinkStore> links, ObjectProvider<SampleArchive> archive,
                  Clock clock, Environment environment) {
        this.graphql = graphql;
        this.links = links;
        this.archive = archive;
        this.clock = clock;
        this.environment = environment;
    }

    /**
     * What one warm-up did: the links it queried over GraphQL, the archived slots it read, and the GraphQL answer.
     */
    record WarmUp(int links, int slotsRead, List<GraphQLError> graphqlErrors, Map<String, Object> graphqlData) {
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        try {
            WarmUp done = warmUp();
            log.info("Warm-up before readiness: {} archived slots read, {} links queried over GraphQL ({} errors),"
                            + " in {} ms", done.slotsRead(), done.links(),
                    done.graphqlErrors().size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException failed) {
            log.warn("Warm-up before readiness failed, the service starts anyway: {}", failed.toString());
        }
    }

    WarmUp warmUp() {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        TimeWindow month = new TimeWindow(today.minus(MONTH), today);
        Map<Link, TimeWindow> held = new LinkedHashMap<>();
        int slots = readArchive(firstLinks(), month, held);
        Map<Link, TimeWindow> queried = held.entrySet().stream().limit(QUERIED_LINKS)
                .collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()), Map::putAll);
        ExecutionResult answer = asWarmUp(() -> graphql.execute(heldWindowsQuery(queried)));
        overHttp();
        return new WarmUp(queried.size(), slots, answer.getErrors(), answer.getData());
    }

    /**
     * Runs {@code execution} as a viewer of its own ({@value #CALLER}): an in-process query has no request, and where
     * tokens are needed access control would refuse it a caller.
     */
    private static ExecutionResult asWarmUp(Supplier<ExecutionResult> execution) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext warmUp = SecurityContextHolder.createEmptyContext();
        warmUp.setAuthentication(new Caller(CALLER, Role.VIEWER));
        SecurityContextHolder.setContext(warmUp);
        try {
            return execution.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /**
     * One request through the server's own HTTP stack (the connector, the security filters, the JSON writer), which
     * the in-process execution above bypasses: the liveness probe, which needs no token, so that the warm-up never
     * counts as a failed authentication. The server listens already: Boot starts it before the application runners.
     */
    private void overHttp() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return; // no server (a test's mock environment)
        }
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException unreachable) {
            log.debug("Warm-up over HTTP skipped: {}", unreachable.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Link> firstLinks() {
        LinkStore store = links.getIfAvailable();
        return store == null ? List.of() : store.all().stream().limit(READ_LINKS).toList();
    }

    /**
     * Reads the month before today of each link's archived samples and bills them, as a month's query does; puts in
     * {@code held} each link's latest whole days in which the archive settles every slot (a query of them calls no
     * vendor). Returns the slots read.
     */
    private int readArchive(List<Link> some, TimeWindow month, Map<Link, TimeWindow> held) {
        SampleArchive samples = archive.getIfAvailable();
        if (samples == null) {
            return 0;
        }
        int read = 0;
        for (Link link : some) {
            SourceLimits limits = link.resource().source().limits();
            if (!limits.nativeSteps().contains(SampleArchive.step())) {
                continue;
            }
            Map<Metric, TrafficSeries> series = samples.read(link.resource(),
                    limits.fetchedMetrics(limits.metricsAt(SampleArchive.step())), month);
            TrafficSeries in = series.get(Metric.BITRATE_IN);
            TrafficSeries out = series.get(Metric.BITRATE_OUT);
            if (in != null && out != null) {
                BillingPercentile.p95(in, out, BillingRule.HIGHER_DIRECTION);
            }
            read += series.values().stream().mapToInt(TrafficSeries::size).sum();
            heldDays(series.values(), month).ifPresent(days -> held.put(link, days));
        }
        return read;
    }

    /**
     * The latest run of whole days of {@code month} in which every series settles every slot, if any: a day still
     * holding an unsettled slot (recent, or a collection that failed) ends the run before it.
     */
    static Optional<TimeWindow> heldDays(Collection<TrafficSeries> series, TimeWindow month) {
        int slotsPerDay = (int) (Duration.ofDays(1).toSeconds() / SampleArchive.step().seconds());
        int heldTo = month.sampleCount(SampleArchive.step()) / slotsPerDay;
        while (heldTo > 0 && !dayHeld(series, (heldTo - 1) * slotsPerDay, slotsPerDay)) {
            heldTo--;
        }
        int heldFrom = heldTo;
        while (heldFrom > 0 && dayHeld(series, (heldFrom - 1) * slotsPerDay, slotsPerDay)) {
            heldFrom--;
        }
        return heldFrom == heldTo ? Optional.empty() : Optional.of(new TimeWindow(
                month.from().plus(Duration.ofDays(heldFrom)), month.from().plus(Duration.ofDays(heldTo))));
    }

    private static boolean dayHeld(Collection<TrafficSeries> series, int first, int slots) {
        for (TrafficSeries each : series) {
            for (int i = first; i < first + slots; i++) {
                if (!SampleArchive.isHeld(each.valueAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Each link's series, statistics, billing figure and provenance over the days the archive settles, at its step:
     * what a dashboard asks, answered without a vendor call. With none, the sources' list, so that GraphQL's own
     * execution is compiled still.
     */
    static String heldWindowsQuery(Map<Link, TimeWindow> held) {
        if (held.isEmpty()) {
            return "{ sources { id configured } }";
        }
        StringBuilder queries = new StringBuilder();
        held.forEach((link, days) -> queries.append("{link: \"").append(link.id()).append("\", from: \"")
                .append(days.from()).append("\", to: \"").append(days.to()).append("\", step: \"")
                .append(SampleArchive.step()).append("\"} "));
        return "{ traffic(queries: [" + queries + "]) { key source billing95 provenance { archived fetched missing }"
                + " series { direction quantity unit step start values"
                + " stats(percentiles: [50, 95, 99]) { count missing coverage min max avg percentiles { p value } } }"
                + " } }";
    }
}
