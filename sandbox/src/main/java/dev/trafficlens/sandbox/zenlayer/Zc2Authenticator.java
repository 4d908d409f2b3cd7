package dev.trafficlens.sandbox.zenlayer;

import dev.trafficlens.sandbox.Credentials;
import dev.trafficlens.sandbox.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a request's ZC2-HMAC-SHA256 Authorization the way Zenlayer answers it: a missing or malformed header or an
 * unknown AccessKeyId is AUTHFAILURE_INVALID_AUTHORIZATION, an X-ZC-Timestamp more than 5 minutes from the sandbox
 * clock is AUTHFAILURE_SIGNATURE_EXPIRED, and a signature that does not match the received Content-Type, Host and
 * body bytes is AUTHFAILURE_SIGNATURE_FAILURE.
 */
final class Zc2Authenticator {

    static final long MAX_SKEW_SECONDS = 300;

    private static final Pattern AUTHORIZATION = Pattern.compile(
            Pattern.quote(Zc2Signature.ALGORITHM)
                    + " Credential=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9A-Fa-f]{64})");
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

    private Zc2Authenticator() {
    }

    /** Returns normally when the request is signed with {@code credentials} within the allowed skew of {@code now}. */
    static void verify(SandboxRequest request, Credentials credentials, Instant now) {
        String authorization = request.header("authorization");
        if (authorization == null || authorization.isBlank()) {
            throw ZenlayerError.AUTHFAILURE_INVALID_AUTHORIZATION.refusal("The Authorization header is missing.");
        }
        Matcher parts = AUTHORIZATION.matcher(authorization.trim());
        if (!parts.matches()) {
            throw ZenlayerError.AUTHFAILURE_INVALID_AUTHORIZATION.refusal("The Authorization header is malformed: "
                    + "expected ZC2-HMAC-SHA256 Credential=<AccessKeyId>, SignedHeaders=content-type;host, "
                    + "Signature=<hex>.");
        }
        if (!parts.group(2).equals(Zc2Signature.SIGNED_HEADERS)) {
            throw ZenlayerError.AUTHFAILURE_INVALID_AUTHORIZATION.refusal(
                    "SignedHeaders must be content-type;host.");
        }
        if (!parts.group(1).equals(credentials.accessKeyId())) {
            throw ZenlayerError.AUTHFAILURE_INVALID_AUTHORIZATION.refusal("The AccessKeyId is unknown.");
        }
        String timestamp = request.header("x-zc-timestamp");
        if (timestamp == null || !UNIX_SECONDS.matcher(timestamp).matches()) {
            throw ZenlayerError.AUTHFAILURE_INVALID_AUTHORIZATION.refusal(
                    "X-ZC-Timestamp is missing or not a Unix time in seconds.");
        }
        if (Math.abs(Long.parseLong(timestamp) - now.getEpochSecond()) > MAX_SKEW_SECONDS) {
            throw ZenlayerError.AUTHFAILURE_SIGNATURE_EXPIRED.refusal();
        }
        String expected = Zc2Signature.signature(credentials.accessKeySecret(), timestamp,
                orEmpty(request.header("content-type")), orEmpty(request.header("host")), request.body());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts.group(3).getBytes(StandardCharsets.US_ASCII))) {
            throw ZenlayerError.AUTHFAILURE_SIGNATURE_FAILURE.refusal();
        }
    }

    private static String orEmpty(String header) {
        return header == null ? "" : header;
    }
}
