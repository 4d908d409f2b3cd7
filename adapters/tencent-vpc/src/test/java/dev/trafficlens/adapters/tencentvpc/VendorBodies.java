package dev.trafficlens.adapters.tencentvpc;

import java.util.Arrays;
import java.util.stream.Collectors;

/** DescribeVpnConnMonitor bodies as the vendor writes them, for stub vendors in tests. */
final class VendorBodies {

    private VendorBodies() {
    }

    /** A success with {@code bitsPerSecond} by position; NaN is written as the vendor's {@code null}. */
    static String success(double... bitsPerSecond) {
        String data = Arrays.stream(bitsPerSecond)
                .mapToObj(value -> Double.isNaN(value) ? "null" : Long.toString((long) value))
                .collect(Collectors.joining(","));
        return "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":[" + data + "]}";
    }

    /** An error envelope; {@code codeDesc} may be null when the vendor sends only the number. */
    static String error(int code, String codeDesc, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\""
                + (codeDesc == null ? "" : ",\"codeDesc\":\"" + codeDesc + "\"") + "}";
    }
}
