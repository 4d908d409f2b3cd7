package dev.trafficlens.contract.tencent;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.trafficlens.contract.SandboxPactVerification;
import dev.trafficlens.sandbox.Credentials;
import dev.trafficlens.sandbox.FaultRule;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.core5.http.ClassicHttpRequest;

/**
 * The tencent-vpc adapter's pact, replayed against the sandbox. Each replayed request carries the pact's stale example
 * signature, so it is signed again (sandbox key, the sandbox's present, the Host the client sends) before it goes out.
 * Provider states the deterministic traffic cannot show travel in the sandbox-only {@code X-Sandbox-Scenario} header.
 */
@Provider("tencent-vpc")
@PactFolder("../adapters/tencent-vpc/target/pacts")
class TencentVpcPactVerificationTest extends SandboxPactVerification {

    /** The pact's requests were recorded at 2026-01-02T00:10:00Z (Timestamp 1767312600). */
    private static final Instant RECORDED = Instant.ofEpochSecond(1767312600);

    private static final Credentials PACT_KEYS = new Credentials("AKIDtrafficlensPact", "pact-verification-secret");

    TencentVpcPactVerificationTest() {
        super(PACT_KEYS, RECORDED);
    }

    @State("API key AKIDtrafficlensPact has exceeded its request rate")
    void overTheRateLimit() {
        sandbox().faults().add(FaultRule.everywhere(FaultRule.Kind.THROTTLED));
    }

    @State("no API key with SecretId AKIDunknownToTencent exists")
    void onlyThePactKeyExists() {
        // The sandbox knows one key pair, PACT_KEYS.
    }

    /** The model has no sample for vpnx-1 at 2026-01-01T12:15Z; the state wants a day without a gap. */
    @State("vpn connection vpnx-1 in ap-guangzhou has traffic on 2026-01-01")
    void aDayWithoutGaps() {
        scenario("gaps=none");
    }

    /** The pact's answer is the API document's example with its second value missing. */
    @State("vpn connection vpnx-1 in ap-guangzhou has traffic with gaps in the first half hour of 2026-01-01")
    void theDocumentedExampleWithAGap() {
        scenario("example=documentation; omit=2026-01-01T00:05:00Z/2026-01-01T00:10:00Z");
    }

    @State("vpn connection vpnx-missing does not exist in ap-guangzhou")
    void missingTunnel() {
        // vpnx-missing: "missing" after the type prefix is unknown to the sandbox.
    }

    /** New Timestamp (the sandbox's present) and Signature over the Host the client will send; the rest untouched. */
    @Override
    protected void resign(ClassicHttpRequest request) throws Exception {
        URI uri = request.getUri();
        Map<String, String> parameters = new TreeMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        parameters.remove("Signature");
        parameters.put("Timestamp", Long.toString(clock().instant().getEpochSecond()));
        StringJoiner signed = new StringJoiner("&");
        StringJoiner sent = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            signed.add(name.replace('_', '.') + "=" + value);
            sent.add(encode(name) + "=" + encode(value));
        });
        String host = host();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PACT_KEYS.accessKeySecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(
                (request.getMethod() + host + uri.getRawPath() + "?" + signed).getBytes(StandardCharsets.UTF_8)));
        sent.add("Signature=" + encode(signature));
        request.setUri(new URI(uri.getScheme() + "://" + host + uri.getRawPath() + "?" + sent));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
