package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import dev.trafficlens.graphql.config.InvalidSettingException;
import dev.trafficlens.graphql.security.ApiTokens;
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
 * Safe by default: live vendor keys without any authentication refuse to start with one message naming what to set;
 * an explicit anonymous role lets requests without a token in with that role and a WARN at start; the sandbox with
 * nothing configured needs no token; a wrong token setting refuses to start naming its key, never printing a value.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecureStartupTest {

    /** Keys of an account the service never calls in these tests (nothing is queried from it). */
    private static final String[] LIVE_KEYS = {
            "--trafficlens.sources.zenlayer.endpoint=http://127.0.0.1:9",
            "--trafficlens.sources.zenlayer.access-key-id=ZLKEYID",
            "--trafficlens.sources.zenlayer.access-key-password=not-to-be-printed-ever"};

    @Test
    void live_keys_without_authentication_refuse_to_start_naming_the_keys_to_set(CapturedOutput output) {
        assertThatThrownBy(() -> start(LIVE_KEYS))
                .rootCause()
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Live vendor keys are set (trafficlens.sources.zenlayer.access-key-id")
                .hasMessageContaining("trafficlens.security.tokens[0].name, trafficlens.security.tokens[0].sha256 and"
                        + " trafficlens.security.tokens[0].role")
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                .hasMessageContaining("trafficlens.security.anonymous-role=VIEWER");
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("Live vendor keys are set")
                .doesNotContain("not-to-be-printed-ever")
                .doesNotContain("Tomcat started");
    }

    @Test
    void an_anonymous_role_lets_requests_without_a_token_in_with_that_role_and_warns(CapturedOutput output)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of(LIVE_KEYS));
        arguments.add("--trafficlens.security.anonymous-role=VIEWER");
        try (ConfigurableApplicationContext app = start(arguments.toArray(String[]::new))) {
            ServiceClient anyone = client(app);

            HttpResponse<String> sources = anyone.post("{ sources { id configured } }", Map.of());
            HttpResponse<String> added = anyone.post(AccessControlOverHttpTest.ADD,
                    LinksApiTest.linkInput("anyone's", "pc-anyone", List.of()));

            assertThat(output.getOut()).containsPattern("WARN .*trafficlens.security.anonymous-role=VIEWER: anyone who"
                    + " can reach this service reads all traffic without a token");
            assertThat(sources.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<List<String>>read(added.body(), "$.errors[*].extensions.code"))
                    .containsExactly("FORBIDDEN");
            assertThat(anyone.get(WhoAmI.PATH).body()).isEqualTo("anonymous");
            assertThat(anyone.withToken(TestTokens.mint().viewer).post("{ sources { id } }", Map.of()).statusCode())
                    .as("a token sent is checked, anonymous role or not").isEqualTo(401);
        }
    }

    @Test
    void the_sandbox_without_tokens_needs_none_and_its_caller_is_an_editor_called_sandbox(CapturedOutput output)
            throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            ServiceClient anyone = client(app);

            HttpResponse<String> added = anyone.post(AccessControlOverHttpTest.ADD,
                    LinksApiTest.linkInput("sandbox's", "pc-sandbox", List.of()));

            assertThat(JsonPath.<List<Object>>read(added.body(), "$..errors")).isEmpty();
            assertThat(anyone.get(WhoAmI.PATH).body()).isEqualTo("sandbox");
            assertThat(JsonPath.<Map<String, Object>>read(anyone.get("/actuator/health").body(), "$"))
                    .containsKey("components");
            assertThat(anyone.get("/actuator/prometheus").statusCode()).isEqualTo(200);
            assertThat(output.getOut()).doesNotContain("anonymous-role");
        }
    }

    @Test
    void a_token_hash_of_the_wrong_length_refuses_to_start_without_printing_it(CapturedOutput output) {
        String pastedToken = TestTokens.mint().editor;
        assertThatThrownBy(() -> start("--trafficlens.security.tokens[0].name=ci",
                "--trafficlens.security.tokens[0].sha256=" + pastedToken,
                "--trafficlens.security.tokens[0].role=EDITOR"))
                .rootCause()
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("trafficlens.security.tokens[0].sha256: expected 64 hexadecimal characters (the SHA-256 of"
                        + " the token, as --trafficlens.security.new-token=NAME prints it), got "
                        + pastedToken.length() + " characters");
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START").doesNotContain(pastedToken);
    }

    @Test
    void an_unknown_role_refuses_to_start_naming_its_key(CapturedOutput output) {
        assertThatThrownBy(() -> start("--trafficlens.security.tokens[0].name=ci",
                "--trafficlens.security.tokens[0].sha256=" + ApiTokens.sha256Hex("x"),
                "--trafficlens.security.tokens[0].role=ADMIN"))
                .rootCause()
                .hasMessage("trafficlens.security.tokens[0].role: expected one of [VIEWER, EDITOR], got 'ADMIN'");
        assertThatThrownBy(() -> start("--trafficlens.security.anonymous-role=GUEST"))
                .rootCause()
                .hasMessage("trafficlens.security.anonymous-role: expected one of [VIEWER, EDITOR], got 'GUEST'");
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START");
    }

    @Test
    void two_tokens_of_one_name_refuse_to_start(CapturedOutput output) {
        assertThatThrownBy(() -> start("--trafficlens.security.tokens[0].name=ci",
                "--trafficlens.security.tokens[0].sha256=" + ApiTokens.sha256Hex("one"),
                "--trafficlens.security.tokens[0].role=EDITOR",
                "--trafficlens.security.tokens[1].name=ci",
                "--trafficlens.security.tokens[1].sha256=" + ApiTokens.sha256Hex("two"),
                "--trafficlens.security.tokens[1].role=VIEWER"))
                .rootCause()
                .hasMessage("trafficlens.security.tokens[1].name: 'ci' is already the name of"
                        + " trafficlens.security.tokens[0]; each token needs a name of its own");
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START");
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new SpringApplicationBuilder(TrafficlensApplication.class, WhoAmI.class).run(all);
    }

    private static ServiceClient client(ConfigurableApplicationContext app) {
        return new ServiceClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }
}
