package dev.trafficlens.adapters.tencentmna;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.Signing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256, for a POST with a JSON body signing only
 * {@code content-type} and {@code host} (as the vendor's SDKs do). Each step is exposed to tests, which reproduce the
 * published vector byte for byte.
 */
final class TencentMnaSigner {

    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String SIGNED_HEADERS = "content-type;host";
    private static final String TERMINATOR = "tc3_request";
    private static final DateTimeFormatter SCOPE_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of(); // lower-case, as the vendor compares it

    private final String secretId;
    private final Secret secretKey;
    private final String service;

    /** @param service the product name ({@code mna}), never the host: the intl host signs with {@code mna} too */
    TencentMnaSigner(String secretId, Secret secretKey, String service) {
        this.secretId = Objects.requireNonNull(secretId, "secretId");
        this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
        this.service = Objects.requireNonNull(service, "service");
    }

    /** The {@code Authorization} header for POSTing exactly {@code payload} to {@code host} at {@code timestamp}. */
    String authorization(String host, String contentType, byte[] payload, long timestamp) {
        return ALGORITHM + " Credential=" + secretId + "/" + credentialScope(timestamp)
                + ", SignedHeaders=" + SIGNED_HEADERS
                + ", Signature=" + signature(host, contentType, payload, timestamp);
    }

    String signature(String host, String contentType, byte[] payload, long timestamp) {
        String stringToSign = stringToSign(canonicalRequest(host, contentType, payload), timestamp);
        return HEX.formatHex(hmac(signingKey(scopeDate(timestamp)), stringToSign));
    }

    /** Header names and values go in lower case and trimmed, as the vendor rebuilds them on its side. */
    static String canonicalRequest(String host, String contentType, byte[] payload) {
        return "POST\n"
                + "/\n"
                + "\n"
                + "content-type:" + canonicalValue(contentType) + "\n"
                + "host:" + canonicalValue(host) + "\n"
                + "\n"
                + SIGNED_HEADERS + "\n"
                + hashedPayload(payload);
    }

    String stringToSign(String canonicalRequest, long timestamp) {
        return ALGORITHM + "\n" + timestamp + "\n" + credentialScope(timestamp) + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    String credentialScope(long timestamp) {
        return scopeDate(timestamp) + "/" + service + "/" + TERMINATOR;
    }

    /** The key derived for one day: HMAC chain over the date, the service and the terminator. */
    byte[] signingKey(String date) {
        byte[] dateKey = hmac(("TC3" + secretKey.reveal()).getBytes(StandardCharsets.UTF_8), date);
        byte[] serviceKey = hmac(dateKey, service);
        return hmac(serviceKey, TERMINATOR);
    }

    /** The UTC date of the timestamp: the machine's zone must not move the scope to another day. */
    static String scopeDate(long timestamp) {
        return SCOPE_DATE.format(Instant.ofEpochSecond(timestamp));
    }

    static String hashedPayload(byte[] payload) {
        return sha256Hex(payload);
    }

    private static String canonicalValue(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static String sha256Hex(byte[] bytes) {
        return Signing.hex(Signing.sha256(bytes));
    }

    private static byte[] hmac(byte[] key, String message) {
        return Signing.hmacSha256(key, message);
    }

    @Override
    public String toString() {
        return "TencentMnaSigner[" + secretId + ", " + service + "]";
    }
}
