package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.Signing;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Zenlayer's ZC2-HMAC-SHA256 request signature (docs/vendors.md): a SHA-256 of a fixed-shape canonical request over
 * the body bytes, the Content-Type and the Host, HMAC'd with the raw access key password under the Unix timestamp.
 */
final class ZenlayerSigner {

    static final String ALGORITHM = "ZC2-HMAC-SHA256";
    static final String SIGNED_HEADERS = "content-type;host";

    private static final HexFormat HEX = HexFormat.of(); // lower-case, as the vendor compares it

    private ZenlayerSigner() {
    }

    /** Every intermediate of one signature, so tests can check each step against the published vectors. */
    record Signature(String payloadHash, String canonicalRequest, String canonicalRequestHash, String stringToSign,
                     String signature) {

        String authorization(String accessKeyId) {
            return ALGORITHM + " Credential=" + accessKeyId + ", SignedHeaders=" + SIGNED_HEADERS
                    + ", Signature=" + signature;
        }
    }

    static Signature sign(String contentType, String host, byte[] body, long timestamp, Secret accessKeyPassword) {
        String payloadHash = HEX.formatHex(sha256(body));
        // The canonical URI is "/" and the query empty whatever the real path: the vendor signs only body and headers.
        String canonicalRequest = "POST\n/\n\n"
                + "content-type:" + contentType + "\n"
                + "host:" + host + "\n"
                + "\n"
                + SIGNED_HEADERS + "\n"
                + payloadHash;
        String canonicalRequestHash = HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        String stringToSign = ALGORITHM + "\n" + timestamp + "\n" + canonicalRequestHash;
        String signature = HEX.formatHex(hmacSha256(accessKeyPassword, stringToSign));
        return new Signature(payloadHash, canonicalRequest, canonicalRequestHash, stringToSign, signature);
    }

    private static byte[] sha256(byte[] data) {
        return Signing.sha256(data);
    }

    private static byte[] hmacSha256(Secret key, String message) {
        // No key derivation: ZC2 uses the password itself, unlike TC3 or SigV4.
        return Signing.hmac("HmacSHA256", key, message);
    }
}
