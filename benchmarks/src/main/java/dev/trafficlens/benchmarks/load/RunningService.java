package dev.trafficlens.benchmarks.load;

import dev.trafficlens.graphql.security.ApiTokens;
import dev.trafficlens.graphql.security.NewTokenCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's executable jar started as a user starts it, on a free loopback port, and spoken to over HTTP: GraphQL
 * requests, and the service's own metrics ({@code /actuator/metrics}) for what it did. It is started with an editor
 * token of its own, minted here as {@code --trafficlens.security.new-token} mints one, and every request sends it, so
 * what is measured includes authentication as a secured deployment has it (and live settings given with
 * {@code --service-arg} start too).
 */
final class RunningService implements AutoCloseable {

    private static final Pattern VALUE = Pattern.compile("\"statistic\"\\s*:\\s*\"(\\w+)\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    private final Process process;
    private final URI base;
    private final String token;
    private final HttpClient http;

    private RunningService(Process process, URI base, String token) {
        this.process = process;
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "load-driver-http");
            thread.setDaemon(true);
            return thread;
        })).build();
    }

    /** Starts {@code jar} with {@code settings} (each {@code key=value}) and waits until it is ready (its readiness probe answers UP, after the start-up warm-up). */
    static RunningService start(Path jar, String heap, List<String> settings) throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("trafficlens-service-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar.toString(),
                "--server.port=" + port,
                "--logging.level.root=WARN"));
        settings.forEach(setting -> command.add("--" + setting));
        System.err.println("starting " + String.join(" ", command) + " (log: " + log + ")");
        String token = NewTokenCommand.mint(new SecureRandom());
        command.addAll(List.of("--trafficlens.security.tokens[0].name=load-driver",
                "--trafficlens.security.tokens[0].sha256=" + ApiTokens.sha256Hex(token),
                "--trafficlens.security.tokens[0].role=EDITOR"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        RunningService service = new RunningService(process, URI.create("http://127.0.0.1:" + port), token);
        try {
            service.awaitUp(Duration.ofMinutes(3));
        } catch (Exception notUp) {
            service.close();
            throw new IllegalStateException(notUp.getMessage() + " (log: " + log + ")", notUp);
        }
        return service;
    }

    /** The nanoseconds {@code body} took to be answered; fails when the answer holds errors. */
    long timed(String body) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> response = post(body);
        long took = System.nanoTime() - t0;
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException("the service answered with errors: " + response.body().substring(0,
                    Math.min(2000, response.body().length())));
        }
        return took;
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A statistic of one of the service's meters ({@code name} or {@code name?tag=k:v}); 0 before it exists. */
    double metric(String nameAndTags, String statistic) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/metrics/" + nameAndTags))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
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

    /** Stops the service as a user's Ctrl-C does, and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private void awaitUp(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness"))
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
}
