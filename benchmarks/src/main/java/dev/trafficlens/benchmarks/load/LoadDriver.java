package dev.trafficlens.benchmarks.load;

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

    private final RunningService service;

    private LoadDriver(RunningService service) {
        this.service = service;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<String> settings = new ArrayList<>();
        settings.add("trafficlens.sandbox.faults=NONE:" + options.vendorLatencyMs + "@.*");
        // A fresh archive each run, or a second run would find the first one's samples and not be cold; the
        // collector stays off so that nothing but the measured queries calls the vendors.
        settings.add("spring.datasource.url=jdbc:h2:file:"
                + java.nio.file.Files.createTempDirectory("trafficlens-load-").resolve("archive"));
        settings.add("trafficlens.collector.enabled=false");
        settings.addAll(options.serviceArguments);
        try (RunningService service = RunningService.start(options.jar, options.heap, settings)) {
            new LoadDriver(service).run(options);
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
            service.timed(Queries.fiveSources(earlier.minus(Duration.ofDays(29)), earlier, true, "warm-" + round));
        }
        Thread.sleep(2_000);

        // Fan-out and memory: the cold 30-day query, with heap sampled while it runs.
        double callsBefore = service.metric("trafficlens.vendor.calls", "COUNT");
        double allocatedBefore = service.metric("jvm.gc.memory.allocated", "COUNT");
        double heapBefore = service.metric("jvm.memory.used?tag=area:heap", "VALUE");
        HeapSampler sampler = new HeapSampler();
        Thread sampling = new Thread(sampler, "heap-sampler");
        sampling.setDaemon(true);
        sampling.start();
        long coldNanos = service.timed(month);
        sampler.stop.set(true);
        sampling.join();
        double vendorCalls = service.metric("trafficlens.vendor.calls", "COUNT") - callsBefore;
        double allocated = service.metric("jvm.gc.memory.allocated", "COUNT") - allocatedBefore;
        double serialSeconds = vendorCalls * options.vendorLatencyMs / 1000.0;
        double coldSeconds = coldNanos / 1e9;

        // Cache: the same query again.
        double callsBeforeWarm = service.metric("trafficlens.vendor.calls", "COUNT");
        long warmNanos = service.timed(month);
        double warmCalls = service.metric("trafficlens.vendor.calls", "COUNT") - callsBeforeWarm;

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
        service.timed(dashboard);
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
        double cpuBefore = service.metric("process.cpu.time", "COUNT");
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
                    HttpResponse<String> response = service.post(body);
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
        double cpuNanos = service.metric("process.cpu.time", "COUNT") - cpuBefore;
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
                    peak = Math.max(peak, service.metric("jvm.memory.used?tag=area:heap", "VALUE"));
                    Thread.sleep(10);
                } catch (Exception interrupted) {
                    return;
                }
            }
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
