package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.adapters.support.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * QingCloud's signature version 1 with HmacSHA256: the sorted, RFC 3986-encoded query is both what is signed and
 * what is sent, so the wire can never differ from the signed bytes.
 */
final class QingCloudSigner {

    static final String METHOD = "GET";
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Secret secretAccessKey;

    QingCloudSigner(Secret secretAccessKey) {
        this.secretAccessKey = secretAccessKey;
    }

    /** The query to send: every parameter encoded and sorted, then {@code signature}, which must come last. */
    String signedQuery(String path, Map<String, String> parameters) {
        String canonical = canonicalQuery(parameters);
        return canonical + "&signature=" + encode(signature(stringToSign(path, canonical)));
    }

    /** Base64 HMAC-SHA256 of {@code stringToSign}, keyed with the secret access key. */
    String signature(String stringToSign) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretAccessKey.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException missingFromTheJdk) {
            // Every Java 17 runtime must provide HmacSHA256; without it nothing can be signed at all.
            throw new IllegalStateException("the JDK offers no " + ALGORITHM, missingFromTheJdk);
        }
    }

    static String stringToSign(String path, String canonicalQuery) {
        return METHOD + "\n" + path + "\n" + canonicalQuery;
    }

    /** Names and values encoded, sorted by name in byte order, joined as {@code k=v} with {@code &}. */
    static String canonicalQuery(Map<String, String> parameters) {
        List<String[]> encoded = new ArrayList<>(parameters.size());
        parameters.forEach((name, value) -> encoded.add(new String[] {encode(name), encode(value)}));
        // Encoded names are ASCII, so comparing them as strings is comparing their bytes.
        encoded.sort((left, right) -> left[0].compareTo(right[0]));
        StringBuilder query = new StringBuilder();
        for (String[] pair : encoded) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes: {@code A-Z a-z 0-9 - _ . ~} stay, the rest become {@code %XX}. */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length + 16);
        for (byte each : bytes) {
            int unsigned = each & 0xFF;
            if (isUnreserved(unsigned)) {
                encoded.append((char) unsigned);
            } else {
                encoded.append('%').append(HEX[unsigned >> 4]).append(HEX[unsigned & 0x0F]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    @Override
    public String toString() {
        return "QingCloudSigner[" + ALGORITHM + ", key " + secretAccessKey + "]";
    }
}
