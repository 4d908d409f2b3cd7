package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.JsonBodies;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Zenlayer's error envelope, {@code {"requestId": ..., "code": "UPPER_SNAKE", "message": ...}}. */
record ZenlayerError(String code, Optional<String> message, Optional<String> requestId) {

    /** The envelope in {@code root}, if it carries a code; a body without one is not an API answer. */
    static Optional<ZenlayerError> in(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        return JsonBodies.text(root, "code")
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .map(code -> new ZenlayerError(code,
                        JsonBodies.text(root, "message").filter(text -> !text.isBlank()),
                        requestId(root)));
    }

    /** The request id of any Zenlayer body: the envelope's, or the one inside {@code response}. */
    static Optional<String> requestId(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        return JsonBodies.text(root, "requestId").filter(id -> !id.isBlank())
                .or(() -> JsonBodies.text(root.get("response"), "requestId").filter(id -> !id.isBlank()));
    }
}
