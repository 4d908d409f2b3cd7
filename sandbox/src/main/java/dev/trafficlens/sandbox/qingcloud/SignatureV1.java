package dev.trafficlens.sandbox.qingcloud;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * QingCloud IaaS signature version 1, implemented from the vendor's documentation (not from the adapter): every
 * parameter but {@code signature}, sorted by name, names and values percent-encoded RFC 3986 style, joined with
 * {@code &}; the string to sign is {@code METHOD \n path \n query}; the signature is the Base64 HMAC of it.
 */
final class SignatureV1 {

    /** The two algorithms {@code signature_method} may name, and their JCA names. */
    static final Map<String, String> METHODS = Map.of("HmacSHA256", "HmacSHA256", "HmacSHA1", "HmacSHA1");

    private SignatureV1() {
    }

    /** The sorted, encoded parameters the signature covers. */
    static String canonicalQuery(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .filter(parameter -> !parameter.getKey().equals("signature"))
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String stringToSign(String method, String path, Map<String, String> parameters) {
        return method + "\n" + path + "\n" + canonicalQuery(parameters);
    }

    /** Base64 of the HMAC of {@code stringToSign}; {@code signatureMethod} is {@code HmacSHA256} or {@code HmacSHA1}. */
    static String sign(String signatureMethod, String secret, String stringToSign) {
        String algorithm = METHODS.get(signatureMethod);
        if (algorithm == null) {
            throw new IllegalArgumentException("signature_method: expected HmacSHA256 or HmacSHA1, got " + signatureMethod);
        }
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", unavailable);
        }
    }

    /** Whether {@code given} is the signature of {@code stringToSign}, compared in constant time. */
    static boolean matches(String signatureMethod, String secret, String stringToSign, String given) {
        byte[] expected = sign(signatureMethod, secret, stringToSign).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 3986: {@code A-Z a-z 0-9 - _ . ~} kept, every other UTF-8 byte as {@code %XX} in upper case. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
