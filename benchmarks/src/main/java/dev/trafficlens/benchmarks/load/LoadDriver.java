package dev.trafficlens.benchmarks.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the service end to end over loopback HTTP: starts the service's executable jar on its built-in sandbox with
 * a latency added to every vendor call, then runs the fan-out, cache, throughput and memory scenarios of
 * docs/performance.md and prints their figures as Markdown. Vendor calls are read from the service's own metrics
 * ({@code trafficlens.vendor.calls}), heap from {@code jvm.memory.used}.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.trafficlens.benchmarks.load.LoadDriver --jar <service jar>
 * [--vendor-latency-ms 100] [--clients 16] [--seconds 30] [--heap 1g] [--warmups 3] [--service-arg KEY=VALUE ...]}
 * ({@code --service-arg} passes a setting to the service, e.g. {@code trafficlens.sources.zenlayer.rate-limit=20}).
 */
public final class LoadDriver {

    private static final Pattern VALUE = Pattern.compile("\"statistic\"\\s*:\\s*\"(\\w+)\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    private final URI base;
    private final HttpClient http;

    private LoadDriver(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "load-driver-http");
            thread.setDaemon(true);
            return thread;
        })).build();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int port = freePort();
        Path log = Files.createTempFile("trafficlens-service-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.heap, "-jar", options.jar.toString(),
                "--server.port=" + port,
                "--trafficlens.sandbox.faults=NONE:" + options.vendorLatencyMs + "@.*",
                "--logging.level.root=WARN"));
        options.serviceArguments.forEach(setting -> command.add("--" + setting));
        System.err.println("starting " + String.join(" ", command) + " (log: " + log + ")");
        Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::destroy));
        try {
            LoadDriver driver = new LoadDriver(URI.create("http://127.0.0.1:" + port));
            driver.awaitUp(service, Duration.ofMinutes(3));
            driver.run(options);
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private void run(Options options) throws Exception {
        System.out.printf("%nMachine: %d cores, Java %s (%s); service heap -Xmx%s; vendor latency %d ms; %d warm-up "
                        + "queries on other links; service settings %s; %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), options.heap, options.vendorLatencyMs, options.warmups,
                options.serviceArguments.isEmpty() ? "default" : options.serviceArguments, Instant.now());
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        String month = Queries.fiveSources(to.minus(Duration.ofDays(30)), to, true, "load");

        // The JVM warms up on other links and windows (nothing of them is cached for the measured query), then the
        // vendors' rate limits refill.
        for (int round = 0; round < options.warmups; round++) {
            Instant earlier = to.minus(Duration.ofHours(round + 1));
            timed(Queries.fiveSources(earlier.minus(Duration.ofDays(29)), earlier, true, "warm-" + round));
        }
        Thread.sleep(2_000);

        // Fan-out and memory: the cold 30-day query, with heap sampled while it runs.
        double callsBefore = metric("trafficlens.vendor.calls", "COUNT");
        double allocatedBefore = metric("jvm.gc.memory.allocated", "COUNT");
        double heapBefore = metric("jvm.memory.used?tag=area:heap", "VALUE");
        HeapSampler sampler = new HeapSampler();
        Thread sampling = new Thread(sampler, "heap-sampler");
        sampling.setDaemon(true);
        sampling.start();
        long coldNanos = timed(month);
        sampler.stop.set(true);
        sampling.join();
        double vendorCalls = metric("trafficlens.vendor.calls", "COUNT") - callsBefore;
        double allocated = metric("jvm.gc.memory.allocated", "COUNT") - allocatedBefore;
        double serialSeconds = vendorCalls * options.vendorLatencyMs / 1000.0;
        double coldSeconds = coldNanos / 1e9;

        // Cache: the same query again.
        double callsBeforeWarm = metric("trafficlens.vendor.calls", "COUNT");
        long warmNanos = timed(month);
        double warmCalls = metric("trafficlens.vendor.calls", "COUNT") - callsBeforeWarm;

        System.out.println("| scenario | figure |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| fan-out: 30 days, five sources, cold | %.0f vendor calls × %d ms = %.1f s serial; wall %.2f s; **speed-up %.1f** |%n",
                vendorCalls, options.vendorLatencyMs, serialSeconds, coldSeconds, serialSeconds / coldSeconds);
        System.out.printf(Locale.ROOT, "| cache: the same query again | wall %.3f s = **%.1f %%** of cold; **%.0f vendor calls** |%n",
                warmNanos / 1e9, 100.0 * warmNanos / coldNanos, warmCalls);
        System.out.printf(Locale.ROOT, "| memory: heap during the cold query | used before %.0f MB, peak %.0f MB (**+%.0f MB**, sampled every 10 ms); allocated %.0f MB |%n",
                heapBefore / 1e6, sampler.peak / 1e6, (sampler.peak - heapBefore) / 1e6, allocated / 1e6);

        // Throughput: a typical dashboard on a warm cache, and the framework's floor.
        Instant dayEnd = Instant.now().truncatedTo(ChronoUnit.DAYS);
        String dashboard = Queries.fiveSources(dayEnd.minus(Duration.ofDays(1)), dayEnd, false, "load");
        timed(dashboard);
        Throughput typical = throughput(dashboard, options.clients, options.seconds);
        Throughput floor = throughput(Queries.SOURCES, options.clients, options.seconds);
        System.out.printf(Locale.ROOT, "| throughput: dashboard (five sources, one day, series + stats), warm, %d clients, %d s | %s |%n",
                options.clients, options.seconds, typical);
        System.out.printf(Locale.ROOT, "| throughput: `{ sources { … } }` (the framework's floor), same load | %s |%n", floor);
        System.out.printf(Locale.ROOT, "| dashboard / floor | requests/s %.2f×; p50 %.1f×; p99 %.1f×; service CPU per request %.1f× (floor / dashboard %.2f×) |%n",
                typical.perSecond / floor.perSecond, typical.p50Millis / floor.p50Millis, typical.p99Millis / floor.p99Millis,
                typical.serviceCpuMicros / floor.serviceCpuMicros, floor.serviceCpuMicros / typical.serviceCpuMicros);
    }

    /**
     * Requests per second and latency percentiles of {@code clients} clients asking {@code body} in a loop, and the
     * service's own CPU time per request ({@code process.cpu.time}): on a machine shared with other work the
     * throughput follows the CPU left over, the CPU a request costs much less so.
     */
    private record Throughput(long requests, long failures, double perSecond, double p50Millis, double p99Millis,
                              double serviceCpuMicros) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d requests, %d failed; **%.0f requests/s**; p50 %.1f ms, p99 %.1f ms; "
                            + "service CPU %.0f µs a request",
                    requests, failures, perSecond, p50Millis, p99Millis, serviceCpuMicros);
        }
    }

    private Throughput throughput(String body, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        double cpuBefore = metric("process.cpu.time", "COUNT");
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                long failures = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = post(body);
                    long took = System.nanoTime() - t0;
                    if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                        failures++;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                long[] out = Arrays.copyOf(latencies, n + 1);
                out[n] = failures;
                return out;
            }));
        }
        long[] all = new long[0];
        long failures = 0;
        for (Future<long[]> result : results) {
            long[] one = result.get();
            failures += one[one.length - 1];
            int old = all.length;
            all = Arrays.copyOf(all, old + one.length - 1);
            System.arraycopy(one, 0, all, old, one.length - 1);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double cpuNanos = metric("process.cpu.time", "COUNT") - cpuBefore;
        pool.shutdown();
        Arrays.sort(all);
        return new Throughput(all.length, failures, all.length / wall,
                all[(int) Math.ceil(all.length * 0.50) - 1] / 1e6, all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6,
                cpuNanos / 1e3 / all.length);
    }

    /** The service's used heap, sampled until told to stop. */
    private final class HeapSampler implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        volatile double peak;

        @Override
        public void run() {
            while (!stop.get()) {
                try {
                    peak = Math.max(peak, metric("jvm.memory.used?tag=area:heap", "VALUE"));
                    Thread.sleep(10);
                } catch (Exception interrupted) {
                    return;
                }
            }
        }
    }

    private long timed(String body) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> response = post(body);
        long took = System.nanoTime() - t0;
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException("the service answered with errors: " + response.body().substring(0,
                    Math.min(2000, response.body().length())));
        }
        return took;
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private double metric(String nameAndTags, String statistic) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/metrics/" + nameAndTags))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        Matcher matcher = VALUE.matcher(response.body());
        while (matcher.find()) {
            if (matcher.group(1).equals(statistic)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new IllegalStateException(nameAndTags + " has no " + statistic + ": " + response.body());
    }

    private void awaitUp(Process service, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited with " + service.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not come up within " + patience);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Options(Path jar, int vendorLatencyMs, int clients, int seconds, String heap, int warmups,
                           List<String> serviceArguments) {

        static Options parse(String[] args) {
            Path jar = null;
            int latency = 100;
            int clients = 16;
            int seconds = 30;
            String heap = "1g";
            int warmups = 3;
            List<String> serviceArguments = new ArrayList<>();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + ": expected a value after it");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--jar" -> jar = Path.of(value);
                    case "--vendor-latency-ms" -> latency = Integer.parseInt(value);
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--heap" -> heap = value;
                    case "--warmups" -> warmups = Integer.parseInt(value);
                    case "--service-arg" -> {
                        if (!value.contains("=")) {
                            throw new IllegalArgumentException("--service-arg: expected KEY=VALUE, got " + value);
                        }
                        serviceArguments.add(value);
                    }
                    default -> throw new IllegalArgumentException(args[i] + ": unknown option; expected --jar, "
                            + "--vendor-latency-ms, --clients, --seconds, --heap, --warmups or --service-arg");
                }
            }
            if (jar == null || !Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("--jar: expected the service's executable jar "
                        + "(graphql-api/target/trafficlens-graphql-api-0.1.0-SNAPSHOT-exec.jar, built by mvn package), got " + jar);
            }
            return new Options(jar, latency, clients, seconds, heap, warmups, List.copyOf(serviceArguments));
        }
    }
}
