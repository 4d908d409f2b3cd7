package dev.trafficlens.sandbox.qingcloud;

import dev.trafficlens.sandbox.Credentials;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A GetWanMonitor call as a test writes it, signed by a deliberately simple test-only signer (the JDK's form encoder
 * patched to RFC 3986, as the vendor's Java SDK does it), independent of the simulator's own verification.
 */
final class IaasCall {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TreeMap<String, String> parameters = new TreeMap<>();
    private String method = "GET";
    private String path = "/iaas/";
    private String signedPath = null;
    private String signedMethod = null;
    private String secret;
    private final Map<String, String> headers = new TreeMap<>();

    private IaasCall(Credentials credentials, Instant now) {
        this.secret = credentials.accessKeySecret();
        parameters.put("action", "GetWanMonitor");
        parameters.put("zone", "pek3");
        parameters.put("resource", "waif-6bm6mt85");
        parameters.put("access_type", "vpc");
        parameters.put("meters.1", "traffic");
        parameters.put("meters.2", "flow");
        parameters.put("meters.3", "pps");
        parameters.put("step", "5m");
        parameters.put("start_time", "2026-11-24T00:00:00Z");
        parameters.put("end_time", "2026-11-25T00:00:00Z");
        parameters.put("access_key_id", credentials.accessKeyId());
        parameters.put("signature_method", "HmacSHA256");
        parameters.put("signature_version", "1");
        parameters.put("version", "1");
        parameters.put("time_stamp", now.toString());
    }

    /** A valid one-day, three-meter, 5-minute call of waif-6bm6mt85 for 2026-11-24, signed at {@code now}. */
    static IaasCall of(Credentials credentials, Instant now) {
        return new IaasCall(credentials, now);
    }

    IaasCall with(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    IaasCall without(String name) {
        parameters.remove(name);
        return this;
    }

    IaasCall window(String start, String end) {
        return with("start_time", start).with("end_time", end);
    }

    IaasCall meters(String... meters) {
        parameters.keySet().removeIf(name -> name.startsWith("meters."));
        for (int i = 0; i < meters.length; i++) {
            parameters.put("meters." + (i + 1), meters[i]);
        }
        return this;
    }

    IaasCall header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    IaasCall signedWith(String otherSecret) {
        this.secret = otherSecret;
        return this;
    }

    /** Sent as an {@code application/x-www-form-urlencoded} POST, signed with {@code POST}. */
    IaasCall asFormPost() {
        this.method = "POST";
        return this;
    }

    IaasCall at(String newPath) {
        this.path = newPath;
        return this;
    }

    /** Signs as if the request went to {@code otherMethod otherPath}, to prove the server uses the real ones. */
    IaasCall signedAs(String otherMethod, String otherPath) {
        this.signedMethod = otherMethod;
        this.signedPath = otherPath;
        return this;
    }

    String signedQuery() {
        String query = parameters.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        String toSign = (signedMethod == null ? method : signedMethod) + "\n"
                + (signedPath == null ? path : signedPath) + "\n" + query;
        return query + "&signature=" + URLEncoder.encode(hmac(toSign), StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(URI baseUrl) throws Exception {
        HttpRequest.Builder request;
        if (method.equals("POST")) {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(signedQuery()));
        } else {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path + "?" + signedQuery())).GET();
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    Map<String, String> parameters() {
        return parameters;
    }

    private String hmac(String toSign) {
        String algorithm = parameters.getOrDefault("signature_method", "HmacSHA256");
        if (!algorithm.equals("HmacSHA1")) {
            algorithm = "HmacSHA256";
        }
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
