package dev.trafficlens.adapters.support;

import io.vavr.control.Either;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON for every adapter: one configured mapper, and lenient reading where vendors are loose about types. */
public final class JsonBodies {

    /** Thread-safe and immutable once built; shared by all adapters. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonBodies() {
    }

    /** The body as a JSON tree, or what is wrong with it. */
    public static Either<String, JsonNode> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Either.left("empty body");
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            return tree == null || tree.isMissingNode() ? Either.left("empty body") : Either.right(tree);
        } catch (JacksonException notJson) {
            return Either.left("not JSON");
        }
    }

    /**
     * A number that a vendor may send as a JSON number or as a numeric string ({@code 873034} or {@code "873034"});
     * empty for null, absent or non-numeric text.
     */
    public static Optional<Double> number(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.doubleValue());
        }
        if (node.isString()) {
            try {
                double parsed = Double.parseDouble(node.stringValue().trim());
                return Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
            } catch (NumberFormatException notNumeric) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A text field, if present and textual (numbers are given as their text). */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }
}
