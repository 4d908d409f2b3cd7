package dev.trafficlens.contract.zenlayer;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.trafficlens.contract.SandboxPactVerification;
import dev.trafficlens.sandbox.Credentials;
import dev.trafficlens.sandbox.FaultRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The Zenlayer adapter's pact (consumer trafficlens, provider zenlayer-sdn) replayed against the sandbox. The sandbox
 * accepts the pact's own key id, {@code pact-access-key}; each replayed request is re-signed with its password, the
 * sandbox clock's present and the host it is really sent to, since the recorded signatures are stale. Provider states
 * move the sandbox clock, add fault rules, or ask for a sandbox scenario ({@code X-Sandbox-Scenario}: omitted points,
 * unknown ids, a forced vendor error) where the deterministic traffic cannot show what the state describes.
 */
@Provider("zenlayer-sdn")
@PactFolder("../adapters/zenlayer/target/pacts")
class ZenlayerPactVerificationTest extends SandboxPactVerification {

    private static final Credentials PACT_KEYS = new Credentials("pact-access-key", "pact-access-key-password");
    private static final Instant DAY_AFTER = Instant.parse("2026-01-02T00:00:00Z");

    private String signingSecret;

    ZenlayerPactVerificationTest() {
        super(PACT_KEYS, DAY_AFTER);
    }

    @Override
    protected void resetState() {
        signingSecret = PACT_KEYS.accessKeySecret();
    }

    @State({"private connect pc-1 has traffic on 2026-01-01",
            "cloud router cr-1 has traffic from dc-a to dc-z on 2026-01-01",
            "cloud router your-cloudrouter-id has the documented example traffic from source-dc-id to "
                    + "destination-dc-id on 2026-01-01"})
    void the_model_traffic_of_the_day_before_today() {
        // Nothing to set: the sandbox serves TrafficModel for any id, and 2026-01-01 is yesterday. The documented
        // example request gets the documented example response (DocumentedExamples).
    }

    @State({"private connect pc-1 has traffic on 2026-01-01 except from 10:10 to 10:35",
            "cloud router cr-1 has traffic from dc-a to dc-z on 2026-01-01 except from 10:10 to 10:35"})
    void no_points_from_ten_past_ten_to_ten_thirty_five() {
        scenario("omit=2026-01-01T10:10:00Z/2026-01-01T10:35:00Z");
    }

    @State("private connect your-private-connect-id has the documented example traffic on 2023-01-01")
    void today_is_the_day_after_the_documented_example() {
        clock().set(Instant.parse("2023-01-02T00:00:00Z"));
    }

    @State("private connect pc-missing does not exist")
    void pc_missing_does_not_exist() {
        scenario("unknown=pc-missing");
    }

    @State("cloud router cr-1 has no data centre dc-missing")
    void dc_missing_does_not_exist() {
        scenario("unknown=dc-missing");
    }

    @State({"private connect pc-1 exists and today is 2026-03-01",
            "cloud router cr-1 has data centres dc-a and dc-z and today is 2026-03-01"})
    void today_is_the_first_of_march() {
        clock().set(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @State({"private connect pc-1 has traffic on 2026-01-01 and 2026-01-02",
            "cloud router cr-1 has traffic from dc-a to dc-z on 2026-01-01 and 2026-01-02"})
    void today_is_the_third_of_january() {
        clock().set(Instant.parse("2026-01-03T00:00:00Z"));
    }

    @State("access key pact-access-key is not accepted")
    void the_request_is_signed_with_a_password_the_sandbox_does_not_accept() {
        signingSecret = "a-password-the-sandbox-does-not-accept";
    }

    @State("access key pact-access-key has used up its request rate")
    void every_request_is_throttled() {
        sandbox().faults().add(FaultRule.everywhere(FaultRule.Kind.THROTTLED));
    }

    @State("the provider is temporarily unavailable")
    void the_provider_is_unavailable() {
        scenario("error=SERVICE_TEMPORARY_UNAVAILABLE");
    }

    @State("the provider refuses every time as badly formatted")
    void every_time_is_badly_formatted() {
        scenario("error=INVALID_TIME_FORMAT");
    }

    @State("the provider refuses every time range as starting after its end")
    void every_range_starts_after_its_end() {
        scenario("error=INVALID_START_TIME_MUST_BEFORE_END_TIME");
    }

    /** Signs the replayed request as a Zenlayer client would now: same body bytes, fresh timestamp and signature. */
    @Override
    protected void resign(ClassicHttpRequest request) throws IOException, GeneralSecurityException {
        byte[] body = request.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(request.getEntity());
        String contentType = request.getFirstHeader("Content-Type").getValue();
        request.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        String timestamp = Long.toString(clock().instant().getEpochSecond());
        String host = host();
        HexFormat hex = HexFormat.of();
        String canonical = "POST\n/\n\ncontent-type:" + contentType + "\nhost:" + host + "\n\ncontent-type;host\n"
                + hex.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        String toSign = "ZC2-HMAC-SHA256\n" + timestamp + "\n" + hex.formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = hex.formatHex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        request.setHeader("X-ZC-Timestamp", timestamp);
        request.setHeader("Authorization", "ZC2-HMAC-SHA256 Credential=" + PACT_KEYS.accessKeyId()
                + ", SignedHeaders=content-type;host, Signature=" + signature);
    }
}
