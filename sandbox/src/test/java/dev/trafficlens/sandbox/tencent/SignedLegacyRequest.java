package dev.trafficlens.sandbox.tencent;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only client of the legacy API: signs as a customer would (its own few lines, not the simulator's code) and
 * sends over real HTTP. Parameters are set freely, so tests can also sign wrongly on purpose.
 */
final class SignedLegacyRequest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BOUNDARY = "---------------------------7d4a6d158c9";

    private final URI base;
    private final Map<String, String> parameters = new TreeMap<>();
    private String method = "GET";
    private String signedHost;
    private String secretKey;
    private boolean signed = true;
    private boolean multipart;
    private String scenario;

    private SignedLegacyRequest(URI base, String secretKey) {
        this.base = base;
        this.secretKey = secretKey;
        this.signedHost = base.getHost() + ":" + base.getPort();
    }

    /** A DescribeVpnConnMonitor request with every common parameter and HmacSHA256. */
    static SignedLegacyRequest monitor(URI base, String secretId, String secretKey, long timestamp) {
        return new SignedLegacyRequest(base, secretKey)
                .with("Action", "DescribeVpnConnMonitor")
                .with("Region", "ap-guangzhou")
                .with("Timestamp", Long.toString(timestamp))
                .with("Nonce", "11886")
                .with("SecretId", secretId)
                .with("SignatureMethod", "HmacSHA256")
                .with("vpcId", "vpc-03vihbk9")
                .with("vpnGwId", "vpngw-dystbrkv")
                .with("vpnConnId", "vpnx-ol6bcqp0")
                .with("metricName", "intraffic");
    }

    SignedLegacyRequest with(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    SignedLegacyRequest without(String name) {
        parameters.remove(name);
        return this;
    }

    SignedLegacyRequest signedWithKey(String otherKey) {
        secretKey = otherKey;
        return this;
    }

    SignedLegacyRequest signedForHost(String host) {
        signedHost = host;
        return this;
    }

    SignedLegacyRequest unsigned() {
        signed = false;
        return this;
    }

    /** Sends the sandbox-only {@code X-Sandbox-Scenario} header, which no signature covers. */
    SignedLegacyRequest scenario(String directives) {
        scenario = directives;
        return this;
    }

    SignedLegacyRequest asFormPost() {
        method = "POST";
        return this;
    }

    /** A POST whose parameters travel as {@code multipart/form-data}, the way the vendor's legacy Java SDK posts. */
    SignedLegacyRequest asMultipartPost() {
        method = "POST";
        multipart = true;
        return this;
    }

    HttpResponse<String> send() throws Exception {
        Map<String, String> sent = new TreeMap<>(parameters);
        if (signed) {
            sent.put("Signature", signature());
        }
        StringJoiner encoded = new StringJoiner("&");
        sent.forEach((name, value) -> encoded.add(encode(name) + "=" + encode(value)));
        URI path = base.resolve("/v2/index.php");
        HttpRequest.Builder request;
        if (method.equals("GET")) {
            request = HttpRequest.newBuilder(URI.create(path + "?" + encoded)).GET();
        } else if (multipart) {
            StringBuilder parts = new StringBuilder();
            sent.forEach((name, value) -> parts.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                    .append(value).append("\r\n"));
            parts.append("--").append(BOUNDARY).append("--\r\n");
            request = HttpRequest.newBuilder(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofString(parts.toString()));
        } else {
            request = HttpRequest.newBuilder(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded.toString()));
        }
        if (scenario != null) {
            request.header("X-Sandbox-Scenario", scenario);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signature() throws Exception {
        StringJoiner joined = new StringJoiner("&");
        parameters.forEach((name, value) -> joined.add(name.replace('_', '.') + "=" + value));
        String text = method + signedHost + "/v2/index.php?" + joined;
        String algorithm = "HmacSHA256".equals(parameters.get("SignatureMethod")) ? "HmacSHA256" : "HmacSHA1";
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), algorithm));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
