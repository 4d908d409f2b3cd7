package dev.trafficlens.adapters.tencentvpc;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.Signing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tencent Cloud's query-parameter signature (legacy API v2, also API 3.0 "signature v1"): sorted raw parameters
 * after the method, host and path, HMAC'd with the secret key and Base64-encoded.
 */
final class TencentVpcSigner {

    /** The parameter that names the algorithm; without it the vendor assumes HmacSHA1. */
    static final String SIGNATURE_METHOD = "SignatureMethod";

    /** The HMAC algorithms the vendor accepts, named as they appear in {@code SignatureMethod}. */
    enum SignatureMethod {
        HMAC_SHA1("HmacSHA1"),
        HMAC_SHA256("HmacSHA256");

        private final String wireName;

        SignatureMethod(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }

        /** The algorithm a parameter set asks for; an absent {@code SignatureMethod} means HmacSHA1. */
        static SignatureMethod of(Map<String, String> params) {
            String named = params.get(SIGNATURE_METHOD);
            if (named == null || named.equals(HMAC_SHA1.wireName)) {
                return HMAC_SHA1;
            }
            if (named.equals(HMAC_SHA256.wireName)) {
                return HMAC_SHA256;
            }
            throw new IllegalArgumentException(SIGNATURE_METHOD + ": expected HmacSHA1 or HmacSHA256, got " + named);
        }
    }

    /** PHP's ksort, which the vendor uses: byte order of the names (upper case before lower case). */
    private static final Comparator<String> BYTE_ORDER = (left, right) -> Arrays.compareUnsigned(
            left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));

    private TencentVpcSigner() {
    }

    /**
     * The text the vendor signs: {@code METHOD + host[:port] + path + "?" + name=value&...}, names sorted byte-wise
     * and with {@code _} read as {@code .}, values raw (a space stays a space). {@code Signature} itself is left out.
     */
    static String stringToSign(String method, String host, String path, Map<String, String> params) {
        return method + host + path + "?" + canonicalParams(params);
    }

    static String canonicalParams(Map<String, String> params) {
        Map<String, String> sorted = new TreeMap<>(BYTE_ORDER);
        sorted.putAll(params);
        sorted.remove("Signature");
        return sorted.entrySet().stream()
                .map(param -> param.getKey().replace('_', '.') + "=" + param.getValue())
                .collect(Collectors.joining("&"));
    }

    /** Base64 of the HMAC of {@code stringToSign} under the secret key. */
    static String sign(String stringToSign, Secret secretKey, SignatureMethod method) {
        return Base64.getEncoder().encodeToString(Signing.hmac(method.wireName(), secretKey, stringToSign));
    }

    /** Signs a GET request's parameters with the algorithm they name. */
    static String signGet(String host, String path, Map<String, String> params, Secret secretKey) {
        return sign(stringToSign("GET", host, path, params), secretKey, SignatureMethod.of(params));
    }
}
