package dev.trafficlens.sandbox.tencent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A test-only API 3.0 client: signs TC3-HMAC-SHA256 in its own few lines and posts over real HTTP. */
final class SignedMnaRequest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;
    private final String secretId;
    private String secretKey;
    private long timestamp;
    private String body;
    private String signedBody;
    private String signedHost;
    private String service = "mna";
    private String action = "GetFlowStatisticByRegion";
    private String version = "2021-01-19";
    private String scenario;

    private SignedMnaRequest(URI base, String secretId, String secretKey, long timestamp, String body) {
        this.base = base;
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.timestamp = timestamp;
        this.body = body;
        this.signedHost = base.getHost() + ":" + base.getPort();
    }

    static SignedMnaRequest of(URI base, String secretId, String secretKey, long timestamp, String body) {
        return new SignedMnaRequest(base, secretId, secretKey, timestamp, body);
    }

    static String body(long begin, long end, int type, int granularity, int gatewayType, String region) {
        return "{\"BeginTime\":" + begin + ",\"EndTime\":" + end + ",\"Type\":" + type + ",\"TimeGranularity\":"
                + granularity + ",\"GatewayType\":" + gatewayType
                + (region == null ? "" : ",\"AccessRegion\":\"" + region + "\"") + "}";
    }

    SignedMnaRequest signedWithKey(String otherKey) {
        secretKey = otherKey;
        return this;
    }

    SignedMnaRequest signedForHost(String host) {
        signedHost = host;
        return this;
    }

    SignedMnaRequest signedForService(String otherService) {
        service = otherService;
        return this;
    }

    /** Signs {@code signed} but sends the body given at the start. */
    SignedMnaRequest signedOver(String signed) {
        signedBody = signed;
        return this;
    }

    /** Sends the sandbox-only {@code X-Sandbox-Scenario} header, which the signature does not cover. */
    SignedMnaRequest scenario(String directives) {
        scenario = directives;
        return this;
    }

    SignedMnaRequest action(String otherAction) {
        action = otherAction;
        return this;
    }

    SignedMnaRequest version(String otherVersion) {
        version = otherVersion;
        return this;
    }

    HttpResponse<String> send() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/"))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization())
                .header("X-TC-Action", action)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (version != null) {
            request.header("X-TC-Version", version);
        }
        if (scenario != null) {
            request.header("X-Sandbox-Scenario", scenario);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String authorization() throws Exception {
        String date = Instant.ofEpochSecond(timestamp).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String payload = signedBody == null ? body : signedBody;
        String canonical = "POST\n/\n\ncontent-type:application/json\nhost:" + signedHost
                + "\n\ncontent-type;host\n" + sha256(payload);
        String scope = date + "/" + service + "/tc3_request";
        String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + sha256(canonical);
        byte[] key = hmac(hmac(hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date), service),
                "tc3_request");
        return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=content-type;host, Signature="
                + HexFormat.of().formatHex(hmac(key, toSign));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
