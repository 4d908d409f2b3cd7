package dev.trafficlens.sandbox.zenlayer;

import dev.trafficlens.sandbox.Credentials;
import dev.trafficlens.sandbox.VendorSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test client of the simulated sdn API: signs like a Zenlayer SDK (its own few lines of ZC2-HMAC-SHA256, apart
 * from the simulator's), with every part overridable to build bad requests.
 */
final class ZenlayerCall {

    static final String PRIVATE_CONNECT = "DescribePrivateConnectTraffic";
    static final String CLOUD_ROUTER = "DescribeCloudRouterDCToDCTraffic";
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VendorSandbox sandbox;
    private String action;
    private final String body;
    private String keyId;
    private String secret;
    private long timestamp;
    private String contentType = CONTENT_TYPE;
    private byte[] sentBody;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private ZenlayerCall(VendorSandbox sandbox, String action, String body, Instant now) {
        this.sandbox = sandbox;
        this.action = action;
        this.body = body;
        Credentials keys = sandbox.credentials();
        this.keyId = keys.accessKeyId();
        this.secret = keys.accessKeySecret();
        this.timestamp = now.getEpochSecond();
    }

    static ZenlayerCall to(VendorSandbox sandbox, String action, String body, Instant now) {
        return new ZenlayerCall(sandbox, action, body, now);
    }

    static String privateConnect(String id, String start, String end) {
        return "{\"privateConnectId\":\"" + id + "\",\"startTime\":\"" + start + "\",\"endTime\":\"" + end + "\"}";
    }

    static String cloudRouter(String router, String source, String destination, String start, String end) {
        return "{\"cloudRouterId\":\"" + router + "\",\"sourceDcId\":\"" + source + "\",\"destinationDcId\":\""
                + destination + "\",\"startTime\":\"" + start + "\",\"endTime\":\"" + end + "\"}";
    }

    ZenlayerCall keyId(String id) {
        keyId = id;
        return this;
    }

    ZenlayerCall secret(String password) {
        secret = password;
        return this;
    }

    ZenlayerCall timestamp(long seconds) {
        timestamp = seconds;
        return this;
    }

    ZenlayerCall action(String name) {
        action = name;
        return this;
    }

    ZenlayerCall contentType(String value) {
        contentType = value;
        return this;
    }

    /** Sends other bytes than the ones signed. */
    ZenlayerCall sentBody(String bytes) {
        sentBody = bytes.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Replaces the computed Authorization header; null leaves it out. */
    ZenlayerCall authorization(String value) {
        extraHeaders.put("Authorization", value);
        return this;
    }

    ZenlayerCall header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    Answer send() throws Exception {
        byte[] signed = body.getBytes(StandardCharsets.UTF_8);
        String host = "127.0.0.1:" + sandbox.port();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v2/sdn"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(sentBody == null ? signed : sentBody))
                .header("Content-Type", contentType)
                .header("X-ZC-Version", "2023-08-30")
                .header("X-ZC-Timestamp", Long.toString(timestamp))
                .header("X-ZC-Signature-Method", "ZC2-HMAC-SHA256");
        if (action != null) {
            request.header("X-ZC-Action", action);
        }
        if (!extraHeaders.containsKey("Authorization")) {
            request.header("Authorization", "ZC2-HMAC-SHA256 Credential=" + keyId
                    + ", SignedHeaders=content-type;host, Signature=" + sign(host, signed));
        }
        extraHeaders.forEach((name, value) -> {
            if (value != null) {
                request.setHeader(name, value);
            }
        });
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private String sign(String host, byte[] signedBody) throws Exception {
        HexFormat hex = HexFormat.of();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        String canonical = "POST\n/\n\ncontent-type:" + contentType + "\nhost:" + host + "\n\ncontent-type;host\n"
                + hex.formatHex(sha256.digest(signedBody));
        String toSign = "ZC2-HMAC-SHA256\n" + timestamp + "\n"
                + hex.formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return hex.formatHex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** What came back: status, content type, the exact bytes, and the body as JSON. */
    record Answer(int status, String contentType, byte[] bytes) {

        JsonNode json() {
            return JSON.readTree(bytes);
        }

        String code() {
            return json().path("code").asString();
        }

        JsonNode response() {
            return json().path("response");
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
