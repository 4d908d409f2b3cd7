package dev.trafficlens.sandbox.tencent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent's "signature method v1", as the legacy API v2 applies it to host + {@code /v2/index.php}: every parameter
 * but {@code Signature}, sorted by the bytes of its name, {@code _} in names read as {@code .}, joined with RAW decoded
 * values, behind {@code METHOD + host + path + "?"}; Base64 of HMAC-SHA1 or HMAC-SHA256 (docs/vendors.md).
 */
final class LegacySignature {

    /** The two HMACs the {@code SignatureMethod} parameter names; absent means HmacSHA1. */
    enum Algorithm {
        HMAC_SHA1("HmacSHA1"),
        HMAC_SHA256("HmacSHA256");

        private final String macName;

        Algorithm(String macName) {
            this.macName = macName;
        }

        static Optional<Algorithm> named(String signatureMethod) {
            if (signatureMethod == null || signatureMethod.equals("HmacSHA1")) {
                return Optional.of(HMAC_SHA1);
            }
            return signatureMethod.equals("HmacSHA256") ? Optional.of(HMAC_SHA256) : Optional.empty();
        }
    }

    private LegacySignature() {
    }

    /** The text the client signed: {@code GETvpc.api.qcloud.com/v2/index.php?Action=...&vpcId=...}. */
    static String stringToSign(String method, String host, String path, Map<String, String> parameters) {
        List<String> names = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!name.equals("Signature")) {
                names.add(name);
            }
        }
        names.sort((a, b) -> Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        StringBuilder text = new StringBuilder(method.toUpperCase(java.util.Locale.ROOT)).append(host).append(path)
                .append('?');
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (i > 0) {
                text.append('&');
            }
            text.append(name.replace('_', '.')).append('=').append(parameters.get(name));
        }
        return text.toString();
    }

    static String sign(Algorithm algorithm, String secretKey, String stringToSign) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), algorithm.macName));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException(algorithm.macName + " is not available", missingFromTheJdk);
        }
    }

    /** Compares in constant time, so the answer's timing does not reveal how much of a guess was right. */
    static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
