package dev.trafficlens.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trafficlens.sandbox.qingcloud.QingCloudSimulator;
import dev.trafficlens.sandbox.tencent.TencentMnaSimulator;
import dev.trafficlens.sandbox.tencent.TencentVpcSimulator;
import dev.trafficlens.sandbox.zenlayer.ZenlayerSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The five vendor APIs on one HTTP server, at their documented paths: {@code GET /v2/index.php} (Tencent legacy),
 * {@code POST /} with {@code X-TC-Action} (Tencent API 3.0), {@code GET /iaas/} (QingCloud) and
 * {@code POST /api/v2/sdn} with {@code X-ZC-Action} (Zenlayer). Start it from code with {@link #start} or from the
 * command line with {@link SandboxMain}.
 */
public final class VendorSandbox implements AutoCloseable {

    static {
        // The JDK server otherwise waits on Nagle's algorithm: about 40 ms per keep-alive request
        // (docs/architecture.md, build pitfall 9).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Duration HELD_FOR_TIMEOUT = Duration.ofMinutes(1);

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final SandboxContext context;
    private final List<VendorSimulator> simulators;
    private final Faults faults = new Faults();
    private final CallCounts calls = new CallCounts();

    private VendorSandbox(SandboxOptions options) throws IOException {
        this.context = new SandboxContext(options.credentials(), options.clock(), new TrafficModel());
        this.simulators = List.of(
                new TencentVpcSimulator(), new TencentMnaSimulator(), new QingCloudSimulator(), new ZenlayerSimulator());
        this.workers = new ThreadPoolExecutor(options.threads(), options.threads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), runnable -> {
                    Thread thread = new Thread(runnable, "vendor-sandbox");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 128);
        server.createContext("/", this::serve);
        server.setExecutor(workers);
        server.start();
    }

    public static VendorSandbox start(SandboxOptions options) {
        try {
            return new VendorSandbox(options);
        } catch (IOException cannotBind) {
            throw new IllegalStateException("the sandbox could not listen on port " + options.port(), cannotBind);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where to point every adapter, such as {@code http://127.0.0.1:8089}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Credentials credentials() {
        return context.credentials();
    }

    public Faults faults() {
        return faults;
    }

    public CallCounts calls() {
        return calls;
    }

    public TrafficModel traffic() {
        return context.traffic();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /** Marks an answer that is no answer: the connection is closed instead. */
    private static final SandboxResponse DISCONNECTED = SandboxResponse.json(599, "{}");

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            SandboxRequest request = read(exchange);
            SandboxResponse response;
            try {
                response = answer(request);
                if (response == DISCONNECTED) {
                    // Closing an exchange before its headers are sent closes the connection: the client reads nothing.
                    return;
                }
            } catch (RuntimeException simulatorBug) {
                // A request a simulator cannot cope with still gets an answer, never a dropped connection.
                response = SandboxResponse.json(500, "{\"sandbox\":\"the simulator failed on this request ("
                        + simulatorBug.getClass().getSimpleName() + ")\"}");
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private SandboxResponse answer(SandboxRequest request) {
        for (VendorSimulator simulator : simulators) {
            Optional<String> api = simulator.apiOf(request);
            if (api.isEmpty()) {
                continue;
            }
            calls.started(api.get());
            try {
                return answer(simulator, request);
            } finally {
                calls.finished(api.get());
            }
        }
        return SandboxResponse.json(404, "{\"sandbox\":\"no simulated vendor API at " + request.method() + " "
                + request.path() + "\"}");
    }

    private SandboxResponse answer(VendorSimulator simulator, SandboxRequest request) {
        Optional<FaultRule> fault = faults.matching(simulator.resourceIdOf(request));
        fault.ifPresent(rule -> pause(rule.latency()));
        FaultRule.Kind kind = fault.map(FaultRule::kind).orElse(FaultRule.Kind.NONE);
        return switch (kind) {
            case NONE -> simulator.handle(request, context);
            case SERVER_ERROR -> simulator.serverError(request);
            case THROTTLED -> simulator.throttled(request);
            case TIMEOUT -> {
                pause(HELD_FOR_TIMEOUT);
                yield simulator.serverError(request);
            }
            case MALFORMED -> SandboxResponse.json(200, "{\"this is\": not json");
            case TRUNCATED -> simulator.handle(request, context).truncated();
            case DISCONNECT -> DISCONNECTED;
        };
    }

    private static SandboxRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        URI uri = exchange.getRequestURI();
        return new SandboxRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers,
                exchange.getRequestBody().readAllBytes());
    }

    private static void pause(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
