package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.graphql.security.ApiTokens;
import dev.trafficlens.graphql.security.NewTokenCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code --trafficlens.security.new-token=NAME}: prints a new random token, its hash and the configuration lines, and
 * ends with status 0 before Spring starts (no web server, no archive); the lines it prints let the token in.
 */
class NewTokenCommandTest {

    private static final Pattern TOKEN = Pattern.compile("^  (tl_[A-Za-z0-9_-]{43})$", Pattern.MULTILINE);
    private static final Pattern SETTING = Pattern.compile("^(trafficlens\\.security\\.tokens\\[0]\\.[a-z0-9]+=.*)$",
            Pattern.MULTILINE);

    @Test
    void prints_a_new_token_its_hash_and_the_lines_to_configure_and_ends_with_status_0_without_starting(
            @TempDir Path archive) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path output = archive.resolve("output.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TrafficlensApplication.class.getName(),
                "--trafficlens.security.new-token=grafana", "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + archive.resolve("archive"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ends by itself").isTrue();
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as(printed).isZero();
        String token = only(TOKEN, printed);
        assertThat(printed).contains("Its SHA-256: " + ApiTokens.sha256Hex(token))
                .contains("trafficlens.security.tokens[0].name=grafana\n")
                .contains("trafficlens.security.tokens[0].sha256=" + ApiTokens.sha256Hex(token) + "\n")
                .contains("trafficlens.security.tokens[0].role=VIEWER\n")
                .doesNotContain("Tomcat", "Started", "SANDBOX MODE");
        try (Stream<Path> files = Files.list(archive)) {
            assertThat(files.map(file -> file.getFileName().toString())).as("the archive was not opened")
                    .containsExactly("output.txt");
        }
        try (ServerSocket stillFree = new ServerSocket(port)) {
            assertThat(stillFree.getLocalPort()).as("no web server was left on the port").isEqualTo(port);
        }

        // The printed lines, as an operator pastes them, let the token in; nothing else gets in.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        Matcher settings = SETTING.matcher(printed);
        while (settings.find()) {
            arguments.add("--" + settings.group(1));
        }
        assertThat(arguments).hasSize(4);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TrafficlensApplication.class)
                .run(arguments.toArray(String[]::new))) {
            ServiceClient service = new ServiceClient(Integer.parseInt(
                    app.getEnvironment().getProperty("local.server.port")));
            HttpResponse<String> with = service.withToken(token).post("{ sources { id } }", Map.of());
            HttpResponse<String> without = service.post("{ sources { id } }", Map.of());

            assertThat(with.statusCode()).isEqualTo(200);
            assertThat(without.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void every_token_is_new() {
        String first = only(TOKEN, run("--trafficlens.security.new-token=ci").out);
        String second = only(TOKEN, run("--trafficlens.security.new-token=ci").out);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_name_that_cannot_be_a_token_name_is_refused_with_status_2() {
        Result refused = run("--trafficlens.security.new-token=my token");
        Result empty = run("--trafficlens.security.new-token");

        assertThat(refused.status).hasValue(2);
        assertThat(refused.err).contains("--trafficlens.security.new-token: expected a token name of 1 to 64 letters,"
                + " digits, '.', '_' or '-'", "got 'my token'");
        assertThat(refused.out).isEmpty();
        assertThat(empty.status).hasValue(2);
    }

    @Test
    void without_the_option_the_service_is_left_to_start() {
        assertThat(run("--server.port=0").status).isEmpty();
    }

    private record Result(OptionalInt status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt status = NewTokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String only(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        String found = matcher.group(1);
        assertThat(matcher.find()).as("printed once").isFalse();
        return found;
    }
}
