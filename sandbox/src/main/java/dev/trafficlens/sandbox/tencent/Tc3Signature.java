package dev.trafficlens.sandbox.tencent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent Cloud API 3.0 TC3-HMAC-SHA256, step by step as docs/vendors.md gives it: payload hash, canonical request,
 * credential scope from the UTC date of {@code X-TC-Timestamp}, string to sign, derived key, lower-case hex signature.
 */
final class Tc3Signature {

    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String TERMINATOR = "tc3_request";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private Tc3Signature() {
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("SHA-256 is not available", missingFromTheJdk);
        }
    }

    /** The UTC date of a timestamp: the first part of the credential scope. */
    static String dateOf(long timestamp) {
        return DATE.format(Instant.ofEpochSecond(timestamp));
    }

    static String credentialScope(String date, String service) {
        return date + "/" + service + "/" + TERMINATOR;
    }

    /** {@code canonicalHeaders} is the {@code name:value\n} lines, so the request holds an empty line after them. */
    static String canonicalRequest(String method, String canonicalUri, String canonicalQuery,
            String canonicalHeaders, String signedHeaders, String hashedPayload) {
        return method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders
                + "\n" + hashedPayload;
    }

    static String stringToSign(long timestamp, String credentialScope, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + credentialScope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] signingKey(String secretKey, String date, String service) {
        byte[] dateKey = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] serviceKey = hmac(dateKey, service);
        return hmac(serviceKey, TERMINATOR);
    }

    static String signature(byte[] signingKey, String stringToSign) {
        return HEX.formatHex(hmac(signingKey, stringToSign));
    }

    static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("HmacSHA256 is not available", missingFromTheJdk);
        }
    }
}
