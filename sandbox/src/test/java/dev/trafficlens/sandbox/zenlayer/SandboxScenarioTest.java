package dev.trafficlens.sandbox.zenlayer;

import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.CLOUD_ROUTER;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.PRIVATE_CONNECT;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.cloudRouter;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.privateConnect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.VendorSandbox;
import dev.trafficlens.sandbox.zenlayer.ZenlayerCall.Answer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sandbox-only X-Sandbox-Scenario header, with which provider states set up what the model cannot show. */
class SandboxScenarioTest {

    private static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");
    private static final String HOUR = privateConnect("pc-1", "2026-01-01T10:00:00Z", "2026-01-01T10:59:59Z");

    private static VendorSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void omit_leaves_out_the_points_of_a_half_open_window() throws Exception {
        Answer answer = call(HOUR).header(SandboxScenario.HEADER, "omit=2026-01-01T10:10:00Z/2026-01-01T10:35:00Z")
                .send();

        List<String> times = new ArrayList<>();
        answer.response().path("dataList").forEach(point -> times.add(point.path("time").asString()));
        assertThat(times).containsExactly("2026-01-01T10:00:00Z", "2026-01-01T10:05:00Z", "2026-01-01T10:35:00Z",
                "2026-01-01T10:40:00Z", "2026-01-01T10:45:00Z", "2026-01-01T10:50:00Z", "2026-01-01T10:55:00Z");
        assertThat(answer.response().path("inMin").asLong()).isPositive();
    }

    @Test
    void unknown_makes_an_id_not_found_with_the_code_of_its_parameter() throws Exception {
        Answer pc = call(privateConnect("pc-missing", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z"))
                .header(SandboxScenario.HEADER, "unknown=pc-missing").send();
        Answer dc = ZenlayerCall.to(sandbox, CLOUD_ROUTER,
                cloudRouter("cr-1", "dc-missing", "dc-z", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z"), NOW)
                .header(SandboxScenario.HEADER, "unknown=dc-missing; unknown=dc-other").send();

        assertThat(pc.status()).isEqualTo(404);
        assertThat(pc.code()).isEqualTo("INVALID_PRIVATE_CONNECT_NOT_FOUND");
        assertThat(dc.status()).isEqualTo(404);
        assertThat(dc.code()).isEqualTo("INVALID_DATACENTER_NOT_FOUND");
    }

    @Test
    void error_answers_the_code_under_its_documented_status() throws Exception {
        Answer badFormat = call(HOUR).header(SandboxScenario.HEADER, "error=INVALID_TIME_FORMAT").send();
        Answer unavailable = call(HOUR).header(SandboxScenario.HEADER, "error=SERVICE_TEMPORARY_UNAVAILABLE").send();

        assertThat(badFormat.status()).isEqualTo(403);
        assertThat(badFormat.code()).isEqualTo("INVALID_TIME_FORMAT");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.code()).isEqualTo("SERVICE_TEMPORARY_UNAVAILABLE");
        ZenlayerSimulatorTest.assertErrorEnvelope(unavailable);
    }

    @Test
    void a_scenario_still_needs_a_valid_signature() throws Exception {
        Answer answer = call(HOUR).secret("wrong").header(SandboxScenario.HEADER, "error=INVALID_TIME_FORMAT").send();

        assertThat(answer.code()).isEqualTo("AUTHFAILURE_SIGNATURE_FAILURE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"error=NOT_A_CODE", "omit=2026-01-01T10:10:00Z", "omit=yesterday/today",
            "omit=2026-01-01T10:35:00Z/2026-01-01T10:10:00Z", "unknown=", "teleport=now"})
    void an_unreadable_scenario_is_the_sandbox_own_400(String scenario) throws Exception {
        Answer answer = call(HOUR).header(SandboxScenario.HEADER, scenario).send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("SANDBOX_INVALID_SCENARIO");
        assertThat(answer.json().path("message").asString()).startsWith("X-Sandbox-Scenario: ");
    }

    private static ZenlayerCall call(String body) {
        return ZenlayerCall.to(sandbox, PRIVATE_CONNECT, body, NOW);
    }
}
