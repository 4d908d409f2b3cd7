package dev.trafficlens.sandbox.zenlayer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zenlayer's ZC2-HMAC-SHA256 signature, written from docs/vendors.md alone: a canonical request over the content type,
 * the host and the SHA-256 of the exact body (canonical URI always {@code /}, query always empty), a string to sign
 * with the timestamp, and a lower-case hex HMAC-SHA256 keyed with the raw AccessKeyPassword (no derivation).
 */
final class Zc2Signature {

    static final String ALGORITHM = "ZC2-HMAC-SHA256";
    static final String SIGNED_HEADERS = "content-type;host";

    private static final HexFormat HEX = HexFormat.of();

    private Zc2Signature() {
    }

    /** Lower-case hex SHA-256 of the body bytes exactly as sent. */
    static String hashedPayload(byte[] body) {
        return HEX.formatHex(sha256(body));
    }

    static String canonicalRequest(String contentType, String host, byte[] body) {
        return "POST\n/\n\n"
                + "content-type:" + contentType + "\n"
                + "host:" + host + "\n\n"
                + SIGNED_HEADERS + "\n"
                + hashedPayload(body);
    }

    /** {@code timestamp} is the X-ZC-Timestamp header as received, unparsed. */
    static String stringToSign(String timestamp, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n"
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    static String signature(String secret, String timestamp, String contentType, String host, byte[] body) {
        String toSign = stringToSign(timestamp, canonicalRequest(contentType, host, body));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("HmacSHA256 is not available", missingFromTheJdk);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("SHA-256 is not available", missingFromTheJdk);
        }
    }
}
