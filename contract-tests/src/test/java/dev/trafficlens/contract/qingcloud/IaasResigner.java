package dev.trafficlens.contract.qingcloud;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a replayed GetWanMonitor query afresh (test-only, written from docs/vendors.md, shared with neither the
 * adapter nor the sandbox): a new {@code time_stamp}, then signature version 1 with HmacSHA256 over the path sent.
 */
final class IaasResigner {

    private IaasResigner() {
    }

    static URI resign(URI uri, String secret, Instant timeStamp) {
        Map<String, String> parameters = new TreeMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            parameters.put(name, URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        parameters.remove("signature");
        parameters.put("time_stamp", timeStamp.truncatedTo(ChronoUnit.SECONDS).toString());
        parameters.put("signature_method", "HmacSHA256");
        String query = parameters.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        String signature = hmacSha256(secret, "GET\n" + uri.getRawPath() + "\n" + query);
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + query
                + "&signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String hmacSha256(String secret, String toSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
