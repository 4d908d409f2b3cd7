package dev.trafficlens.contract.tencent;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.trafficlens.contract.SandboxPactVerification;
import dev.trafficlens.sandbox.Credentials;
import dev.trafficlens.sandbox.FaultRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The tencent-mna adapter's pact, replayed against the sandbox. Each request is signed again (TC3-HMAC-SHA256, the
 * sandbox's key and present, the Host the client sends) over the exact body the verifier sends. Provider states the
 * deterministic traffic cannot show travel in the sandbox-only {@code X-Sandbox-Scenario} header, which the signature
 * does not cover.
 */
@Provider("tencent-mna")
@PactFolder("../adapters/tencent-mna/target/pacts")
class TencentMnaPactVerificationTest extends SandboxPactVerification {

    /** The pact's requests were recorded at 2026-01-15T00:00:00Z (X-TC-Timestamp 1768435200). */
    private static final Instant RECORDED = Instant.ofEpochSecond(1768435200);

    private static final Credentials PACT_KEYS = new Credentials("AKIDtrafficlensPact", "pact-verification-secret");
    private String signingKey;

    TencentMnaPactVerificationTest() {
        super(PACT_KEYS, RECORDED);
    }

    @Override
    protected void resetState() {
        signingKey = PACT_KEYS.accessKeySecret();
    }

    @State("SecretId AKIDtrafficlensPact has used its 20 GetFlowStatisticByRegion requests this second")
    void overTheRateLimit() {
        sandbox().faults().add(FaultRule.everywhere(FaultRule.Kind.THROTTLED));
    }

    /** The sandbox's present moves to the end of the example's hour (so it lies within retention). */
    @State("mna gateway type 0 region MC carried 0 bytes in the 5 minutes from 2024-12-27T00:30:00Z, as the API "
            + "document's example shows")
    void theSeedDocumentsHour() {
        clock().set(Instant.parse("2024-12-27T01:00:00Z"));
        scenario("example=documentation");
    }

    @State({"mna gateway type 0 region MC has traffic on 2026-01-01",
            "mna keeps 30 days of flow statistics and 2025-06-01 is older"})
    void theDeterministicTrafficAndRetention() {
        // The traffic model serves every region at every time; retention is 30 days before the recorded present.
    }

    @State("mna gateway type 1 in all regions has traffic on 2026-01-02 except from 03:00 to 06:00 UTC")
    void threeHoursWithoutSamples() {
        scenario("omit=2026-01-02T03:00:00Z/2026-01-02T06:00:00Z");
    }

    @State("mna has no gateway type 1 in region AM")
    void noPrivateGatewaysInTheAmericas() {
        scenario("unknown=mna-1-AM");
    }

    @State("mna's monitoring data service is failing")
    void failing() {
        sandbox().faults().add(FaultRule.everywhere(FaultRule.Kind.SERVER_ERROR));
    }

    @State("the SecretKey of SecretId AKIDtrafficlensPact does not match the request's signature")
    void wrongSecretKey() {
        signingKey = "a-secret-key-that-is-not-the-sandbox-s";
    }

    /** New X-TC-Timestamp and Authorization; body, Content-Type and the other headers as the pact has them. */
    @Override
    protected void resign(ClassicHttpRequest request) throws Exception {
        byte[] body = request.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(request.getEntity());
        long timestamp = clock().instant().getEpochSecond();
        String date = Instant.ofEpochSecond(timestamp).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String contentType = request.getFirstHeader("Content-Type").getValue().toLowerCase(Locale.ROOT);
        String canonical = request.getMethod() + "\n/\n\ncontent-type:" + contentType + "\nhost:" + host()
                + "\n\ncontent-type;host\n" + sha256(body);
        String scope = date + "/mna/tc3_request";
        String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
                + sha256(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(hmac(hmac(("TC3" + signingKey).getBytes(StandardCharsets.UTF_8), date), "mna"),
                "tc3_request");
        request.setHeader("X-TC-Timestamp", Long.toString(timestamp));
        request.setHeader("Authorization", "TC3-HMAC-SHA256 Credential=" + PACT_KEYS.accessKeyId() + "/" + scope
                + ", SignedHeaders=content-type;host, Signature=" + HexFormat.of().formatHex(hmac(key, toSign)));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
