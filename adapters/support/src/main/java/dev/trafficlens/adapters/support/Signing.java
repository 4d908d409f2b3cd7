package dev.trafficlens.adapters.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hashing and encoding every vendor signature is built from. Each vendor combines them its own way (in its
 * {@code <Vendor>Signer}); these are the parts that must be byte-for-byte the same everywhere.
 */
public final class Signing {

    /** Lower-case hex, as every vendor that sends hex digests compares them. */
    private static final HexFormat HEX = HexFormat.of();
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private Signing() {
    }

    /** The MAC of {@code message}'s UTF-8 bytes with {@code algorithm} ({@code HmacSHA256}, {@code HmacSHA1}). */
    public static byte[] hmac(String algorithm, byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException missingFromTheJdk) {
            // Every Java 17 runtime must provide HmacSHA1 and HmacSHA256; without them nothing can be signed.
            throw new IllegalStateException(algorithm + " is missing from this JDK", missingFromTheJdk);
        }
    }

    /** The MAC keyed with the secret's UTF-8 bytes, the only place a signer reveals it. */
    public static byte[] hmac(String algorithm, Secret key, String message) {
        return hmac(algorithm, key.reveal().getBytes(StandardCharsets.UTF_8), message);
    }

    public static byte[] hmacSha256(byte[] key, String message) {
        return hmac("HmacSHA256", key, message);
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", missingFromTheJdk);
        }
    }

    /** Lower-case hex of the bytes. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes: {@code A-Z a-z 0-9 - _ . ~} stay, the rest become {@code %XX}. */
    public static String percentEncode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length + 16);
        for (byte each : bytes) {
            int unsigned = each & 0xFF;
            if (isUnreserved(unsigned)) {
                encoded.append((char) unsigned);
            } else {
                encoded.append('%').append(UPPER_HEX[unsigned >> 4]).append(UPPER_HEX[unsigned & 0x0F]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
