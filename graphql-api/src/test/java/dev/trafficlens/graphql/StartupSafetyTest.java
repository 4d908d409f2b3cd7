package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import dev.trafficlens.graphql.config.InvalidSettingException;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.VendorSandbox;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started as a user starts it, each test its own application: the sandbox announces itself, live keys
 * are never answered with simulated traffic, and a contradictory or wrong setting stops start-up with one message.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSafetyTest {

    private static final String SOURCES = "{ sources { id mode configured } }";

    @Test
    void with_nothing_configured_it_serves_the_sandbox_says_so_at_start_and_marks_every_response(
            CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            ServiceClient service = client(app);

            HttpResponse<String> sources = service.post(SOURCES, Map.of());
            HttpResponse<String> mistyped = service.post("{ sources { nope } }", Map.of());
            HttpResponse<String> oversized = service.post("{ sources { id } }", Map.of("padding", "x".repeat(300_000)));

            assertThat(output.getOut()).containsPattern("WARN .*SANDBOX MODE: every figure this service serves is"
                    + " SIMULATED");
            assertThat(JsonPath.<List<String>>read(sources.body(), "$.data.sources[*].mode")).hasSize(5)
                    .containsOnly("SANDBOX");
            assertThat(JsonPath.<Boolean>read(sources.body(), "$.extensions.trafficlens.sandbox")).isTrue();
            assertThat(JsonPath.<List<Object>>read(mistyped.body(), "$.errors")).isNotEmpty();
            assertThat(JsonPath.<Boolean>read(mistyped.body(), "$.extensions.trafficlens.sandbox")).isTrue();
            assertThat(oversized.statusCode()).isEqualTo(400);
            assertThat(JsonPath.<Boolean>read(oversized.body(), "$.extensions.trafficlens.sandbox")).isTrue();
        }
    }

    @Test
    void live_keys_alone_turn_the_sandbox_off(CapturedOutput output) throws Exception {
        // A separate sandbox plays the real vendor, reached only with the keys given; live keys need tokens.
        TestTokens tokens = TestTokens.mint();
        try (VendorSandbox zenlayer = VendorSandbox.start(SandboxOptions.DEFAULTS)) {
            List<String> arguments = new ArrayList<>(tokens.arguments());
            arguments.add("--trafficlens.sources.zenlayer.endpoint=" + zenlayer.baseUrl());
            arguments.add("--trafficlens.sources.zenlayer.access-key-id=" + zenlayer.credentials().accessKeyId());
            arguments.add("--trafficlens.sources.zenlayer.access-key-password="
                    + zenlayer.credentials().accessKeySecret());
            try (ConfigurableApplicationContext app = start(arguments.toArray(String[]::new))) {
                ServiceClient service = client(app).withToken(tokens.viewer);

                HttpResponse<String> sources = service.post(SOURCES, Map.of());
                HttpResponse<String> traffic = service.post("""
                        query Q($from: DateTime!, $to: DateTime!) { traffic(queries: [
                          {from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "pc-live"}}}
                        ]) { source series { values } } }""", TrafficQueries.window());

                assertThat(app.getBeanNamesForType(VendorSandbox.class)).isEmpty();
                assertThat(JsonPath.<List<String>>read(sources.body(), "$.data.sources[*].mode")).containsExactly(
                        "NOT_CONFIGURED", "NOT_CONFIGURED", "NOT_CONFIGURED", "LIVE", "LIVE");
                assertThat(sources.body()).doesNotContain("\"sandbox\"");
                assertThat(JsonPath.<String>read(traffic.body(), "$.data.traffic[0].source"))
                        .isEqualTo("zenlayer.private-connect");
                assertThat(zenlayer.calls().of("DescribePrivateConnectTraffic")).isEqualTo(2);
                assertThat(traffic.body()).doesNotContain("\"sandbox\"");
                assertThat(output.getOut()).doesNotContain("SANDBOX MODE")
                        .doesNotContain(zenlayer.credentials().accessKeySecret()).doesNotContain(tokens.viewer);
            }
        }
    }

    @Test
    void live_keys_with_the_sandbox_switched_on_refuse_to_start_with_one_message(CapturedOutput output) {
        assertThatThrownBy(() -> start("--trafficlens.sandbox.enabled=true",
                "--trafficlens.sources.qingcloud.access-key-id=QYACCESSKEY",
                "--trafficlens.sources.qingcloud.secret-access-key=not-to-be-printed"))
                .rootCause()
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("trafficlens.sandbox.enabled=true and "
                        + "trafficlens.sources.qingcloud.access-key-id are both set");
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("trafficlens.sandbox.enabled=true and trafficlens.sources.qingcloud.access-key-id are both"
                        + " set")
                .doesNotContain("not-to-be-printed")
                .doesNotContain("SANDBOX MODE");
    }

    @Test
    void a_per_source_limit_that_is_not_a_positive_number_refuses_to_start_naming_its_key(CapturedOutput output) {
        assertThatThrownBy(() -> start("--trafficlens.sources.zenlayer.max-concurrent-calls=0"))
                .rootCause()
                .hasMessage("trafficlens.sources.zenlayer.max-concurrent-calls: expected a positive whole number of"
                        + " calls, such as 8, got '0'");
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START");
    }

    @Test
    void a_value_of_the_wrong_type_refuses_to_start_naming_its_key_and_the_type_expected(CapturedOutput output) {
        assertThatThrownBy(() -> start("--trafficlens.timeouts.connect=soon"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("trafficlens.timeouts.connect")
                .contains("java.time.Duration")
                .contains("\"soon\"")
                .doesNotContain("SANDBOX MODE");
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new SpringApplicationBuilder(TrafficlensApplication.class).run(all);
    }

    private static ServiceClient client(ConfigurableApplicationContext app) {
        return new ServiceClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }
}
