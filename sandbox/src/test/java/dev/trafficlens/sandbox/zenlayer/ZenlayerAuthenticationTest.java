package dev.trafficlens.sandbox.zenlayer;

import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.PRIVATE_CONNECT;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerCall.privateConnect;
import static dev.trafficlens.sandbox.zenlayer.ZenlayerSimulatorTest.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.VendorSandbox;
import dev.trafficlens.sandbox.zenlayer.ZenlayerCall.Answer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ZC2-HMAC-SHA256 as the simulator enforces it, over real HTTP, answered in Zenlayer's 401 shapes. */
class ZenlayerAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");
    private static final String BODY = privateConnect("pc-1", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z");

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
    void accepts_a_request_signed_with_the_sandbox_keys() throws Exception {
        assertThat(call().send().status()).isEqualTo(200);
    }

    @Test
    void signs_the_content_type_exactly_as_received() throws Exception {
        assertThat(call().contentType("application/json").send().status()).isEqualTo(200);
    }

    @Test
    void a_missing_authorization_header_is_an_invalid_authorization() throws Exception {
        assertRefused(call().authorization(null).send(), "AUTHFAILURE_INVALID_AUTHORIZATION");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Bearer sandbox-access-key-secret",
            "ZC2-HMAC-SHA256 Credential=sandbox-access-key-id",
            "ZC2-HMAC-SHA256 Credential=sandbox-access-key-id, SignedHeaders=content-type;host, Signature=abc",
            "ZC2-HMAC_SHA256 Credential=sandbox-access-key-id, SignedHeaders=content-type;host, Signature="
                    + "efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f",
            "ZC2-HMAC-SHA256 Credential=sandbox-access-key-id, SignedHeaders=content-type;host;x-zc-action, "
                    + "Signature=efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f"})
    void a_malformed_authorization_header_is_an_invalid_authorization(String authorization) throws Exception {
        assertRefused(call().authorization(authorization).send(), "AUTHFAILURE_INVALID_AUTHORIZATION");
    }

    @Test
    void an_unknown_access_key_id_is_an_invalid_authorization() throws Exception {
        assertRefused(call().keyId("pact-access-key").send(), "AUTHFAILURE_INVALID_AUTHORIZATION");
    }

    @Test
    void a_signature_made_with_another_secret_is_a_signature_failure() throws Exception {
        assertRefused(call().secret("not-the-sandbox-secret").send(), "AUTHFAILURE_SIGNATURE_FAILURE");
    }

    @Test
    void a_body_changed_after_signing_is_a_signature_failure() throws Exception {
        Answer answer = call().sentBody(privateConnect("pc-2", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z")).send();

        assertRefused(answer, "AUTHFAILURE_SIGNATURE_FAILURE");
    }

    @Test
    void the_same_body_reserialised_is_a_signature_failure() throws Exception {
        Answer answer = call().sentBody(BODY.replace(",", ", ")).send();

        assertRefused(answer, "AUTHFAILURE_SIGNATURE_FAILURE");
    }

    @Test
    void a_timestamp_up_to_five_minutes_off_is_accepted() throws Exception {
        assertThat(call().timestamp(NOW.getEpochSecond() - 300).send().status()).isEqualTo(200);
        assertThat(call().timestamp(NOW.getEpochSecond() + 300).send().status()).isEqualTo(200);
    }

    @Test
    void a_timestamp_more_than_five_minutes_off_is_an_expired_signature() throws Exception {
        assertRefused(call().timestamp(NOW.getEpochSecond() - 301).send(), "AUTHFAILURE_SIGNATURE_EXPIRED");
        assertRefused(call().timestamp(NOW.getEpochSecond() + 301).send(), "AUTHFAILURE_SIGNATURE_EXPIRED");
    }

    @Test
    void a_timestamp_that_is_not_unix_seconds_is_an_invalid_authorization() throws Exception {
        assertRefused(call().header("X-ZC-Timestamp", "2026-01-02T00:00:00Z").send(),
                "AUTHFAILURE_INVALID_AUTHORIZATION");
    }

    @Test
    void authentication_comes_before_every_other_check() throws Exception {
        Answer answer = ZenlayerCall.to(sandbox, "DescribeNothing", "not json", NOW).secret("wrong").send();

        assertRefused(answer, "AUTHFAILURE_SIGNATURE_FAILURE");
    }

    private static ZenlayerCall call() {
        return ZenlayerCall.to(sandbox, PRIVATE_CONNECT, BODY, NOW);
    }

    private static void assertRefused(Answer answer, String code) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo(code);
        assertErrorEnvelope(answer);
    }
}
