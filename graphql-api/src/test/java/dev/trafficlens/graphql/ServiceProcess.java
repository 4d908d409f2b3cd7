package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as a separate JVM (the test's own class path), so that a test can kill it with SIGKILL
 * ({@link #kill}) as an operator's {@code kill -9} or a crash would. Its output goes to a file under
 * {@code target/service-processes}, named in every failure. Closing it kills it if it still runs.
 */
final class ServiceProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_UP = Duration.ofMinutes(2);

    private final Process process;
    private final Path output;
    private final int port;

    private ServiceProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Started with the cache off and the given arguments; returns once its health endpoint answers. */
    static ServiceProcess start(String name, String... arguments) throws IOException, InterruptedException {
        int port = freePort();
        Path directory = Files.createDirectories(Path.of("target", "service-processes"));
        Path output = directory.resolve(name + "-" + System.currentTimeMillis() + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), TrafficlensApplication.class.getName(),
                "--server.port=" + port, "--trafficlens.cache.enabled=false"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        ServiceProcess started = new ServiceProcess(process, output, port);
        try {
            started.await("it answers /actuator/health", START_UP, started::answers);
        } catch (AssertionError | RuntimeException failed) {
            started.close();
            throw failed;
        }
        return started;
    }

    private boolean answers() {
        assertThat(process.isAlive()).as("the service process is running; its output: " + output).isTrue();
        try {
            return http().get("/actuator/health").statusCode() > 0;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    ServiceClient http() {
        return new ServiceClient(port);
    }

    /** A GraphQL request's document, which must come with HTTP 200 and no errors. */
    JsonNode graphql(String query, Map<String, ?> variables) throws IOException, InterruptedException {
        HttpResponse<String> response = http().post(query, variables);
        assertThat(response.statusCode()).as(response.body() + "; service output: " + output).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.path("errors").isMissingNode()).as(document + "; service output: " + output).isTrue();
        return document.path("data");
    }

    /** The sum of a counter's measurements (0 before it is first counted), with {@code tag} as "key:value" or none. */
    double counter(String name, String... tags) throws IOException, InterruptedException {
        StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            path.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        HttpResponse<String> response = http().get(path.toString());
        if (response.statusCode() == 404) {
            return 0;
        }
        assertThat(response.statusCode()).as(response.body() + "; service output: " + output).isEqualTo(200);
        return JSON.readTree(response.body()).at("/measurements/0/value").asDouble();
    }

    /** Polls {@code condition} every 100 ms until it holds, failing (with the output's path) after {@code atMost}. */
    void await(String what, Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what + "; service output: " + output)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    Path output() {
        return output;
    }

    /** The child's process id, as the collector's lease names its holder ({@code host/pid}). */
    long pid() {
        return process.pid();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing is flushed or released. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
