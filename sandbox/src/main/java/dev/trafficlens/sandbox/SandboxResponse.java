package dev.trafficlens.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the sandbox answers: a status, headers and a body. */
public record SandboxResponse(int status, Map<String, String> headers, byte[] body) {

    public static SandboxResponse json(int status, String body) {
        return new SandboxResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    public SandboxResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SandboxResponse(status, more, body);
    }

    /** The first half of the body, sent as if complete: a truncated answer, for fault injection. */
    public SandboxResponse truncated() {
        byte[] half = new byte[body.length / 2];
        System.arraycopy(body, 0, half, 0, half.length);
        return new SandboxResponse(status, headers, half);
    }
}
