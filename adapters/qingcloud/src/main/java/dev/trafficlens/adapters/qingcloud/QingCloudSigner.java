package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.Signing;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * QingCloud's signature version 1 with HmacSHA256: the sorted, RFC 3986-encoded query is both what is signed and
 * what is sent, so the wire can never differ from the signed bytes.
 */
final class QingCloudSigner {

    static final String METHOD = "GET";
    private static final String ALGORITHM = "HmacSHA256";

    private final Secret secretAccessKey;

    QingCloudSigner(Secret secretAccessKey) {
        this.secretAccessKey = secretAccessKey;
    }

    /** The query to send: every parameter encoded and sorted, then {@code signature}, which must come last. */
    String signedQuery(String path, Map<String, String> parameters) {
        String canonical = canonicalQuery(parameters);
        return canonical + "&signature=" + Signing.percentEncode(signature(stringToSign(path, canonical)));
    }

    /** Base64 HMAC-SHA256 of {@code stringToSign}, keyed with the secret access key. */
    String signature(String stringToSign) {
        return Base64.getEncoder().encodeToString(Signing.hmac(ALGORITHM, secretAccessKey, stringToSign));
    }

    static String stringToSign(String path, String canonicalQuery) {
        return METHOD + "\n" + path + "\n" + canonicalQuery;
    }

    /** Names and values encoded, sorted by name in byte order, joined as {@code k=v} with {@code &}. */
    static String canonicalQuery(Map<String, String> parameters) {
        List<String[]> encoded = new ArrayList<>(parameters.size());
        parameters.forEach((name, value) -> encoded.add(new String[] {Signing.percentEncode(name), Signing.percentEncode(value)}));
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

    @Override
    public String toString() {
        return "QingCloudSigner[" + ALGORITHM + ", key " + secretAccessKey + "]";
    }
}
