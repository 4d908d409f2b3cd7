package dev.trafficlens.sandbox.zenlayer;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A provider state asked for per request, with the sandbox-only header {@code X-Sandbox-Scenario} (Zenlayer has no
 * such header; the signature does not cover it). Directives, separated by {@code ;}:
 * <ul>
 *   <li>{@code omit=<from>/<to>}: no points at times in {@code [from, to)} (ISO instants), as if they were gaps;</li>
 *   <li>{@code unknown=<id>}: this private connect, cloud router or data centre id does not exist;</li>
 *   <li>{@code error=<CODE>}: once the signature is verified, answer with this Zenlayer error code.</li>
 * </ul>
 * It lets a Pact provider state set up what the deterministic traffic cannot show, while the request itself, its
 * signature and every other rule stay real.
 */
record SandboxScenario(List<Omission> omissions, Set<String> unknownIds, Optional<ZenlayerError> error) {

    static final String HEADER = "X-Sandbox-Scenario";
    static final SandboxScenario NONE = new SandboxScenario(List.of(), Set.of(), Optional.empty());

    /** Points at times in {@code [from, to)} are left out. */
    record Omission(Instant from, Instant to) {
    }

    SandboxScenario {
        omissions = List.copyOf(omissions);
        unknownIds = Set.copyOf(unknownIds);
    }

    static SandboxScenario parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        List<Omission> omissions = new ArrayList<>();
        Set<String> unknownIds = new HashSet<>();
        Optional<ZenlayerError> error = Optional.empty();
        for (String directive : header.split(";")) {
            String text = directive.trim();
            if (text.isEmpty()) {
                continue;
            }
            int equals = text.indexOf('=');
            String name = equals < 0 ? text : text.substring(0, equals).trim();
            String value = equals < 0 ? "" : text.substring(equals + 1).trim();
            switch (name) {
                case "omit" -> omissions.add(omission(value));
                case "unknown" -> unknownIds.add(required(name, value));
                case "error" -> error = Optional.of(ZenlayerError.byCode(value)
                        .filter(code -> code != ZenlayerError.SANDBOX_INVALID_SCENARIO)
                        .orElseThrow(() -> invalid("error=" + value + " names no Zenlayer error code the sandbox knows")));
                default -> throw invalid("unknown directive \"" + name + "\": expected omit=, unknown= or error=");
            }
        }
        return new SandboxScenario(omissions, unknownIds, error);
    }

    boolean omits(Instant time) {
        return omissions.stream().anyMatch(gap -> !time.isBefore(gap.from()) && time.isBefore(gap.to()));
    }

    boolean isUnknown(String id) {
        return unknownIds.contains(id);
    }

    private static Omission omission(String value) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            throw invalid("omit=" + value + ": expected omit=<from>/<to> with ISO instants");
        }
        try {
            Instant from = Instant.parse(value.substring(0, slash).trim());
            Instant to = Instant.parse(value.substring(slash + 1).trim());
            if (!from.isBefore(to)) {
                throw invalid("omit=" + value + ": expected from before to");
            }
            return new Omission(from, to);
        } catch (DateTimeException unreadable) {
            throw invalid("omit=" + value + ": expected omit=<from>/<to> with ISO instants");
        }
    }

    private static String required(String name, String value) {
        if (value.isEmpty()) {
            throw invalid(name + "= needs a value");
        }
        return value;
    }

    private static ZenlayerRefusal invalid(String problem) {
        return ZenlayerError.SANDBOX_INVALID_SCENARIO.refusal("X-Sandbox-Scenario: " + problem + ".");
    }
}
