package dev.trafficlens.sandbox.zenlayer;

import dev.trafficlens.sandbox.ScenarioHeader;
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
record SandboxScenario(List<ScenarioHeader.Omission> omissions, Set<String> unknownIds, Optional<ZenlayerError> error) {

    static final String HEADER = ScenarioHeader.NAME;
    static final SandboxScenario NONE = new SandboxScenario(List.of(), Set.of(), Optional.empty());

    SandboxScenario {
        omissions = List.copyOf(omissions);
        unknownIds = Set.copyOf(unknownIds);
    }

    static SandboxScenario parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        List<ScenarioHeader.Omission> omissions = new ArrayList<>();
        Set<String> unknownIds = new HashSet<>();
        Optional<ZenlayerError> error = Optional.empty();
        for (ScenarioHeader.Directive directive : ScenarioHeader.directives(header)) {
            String name = directive.name();
            String value = directive.value();
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
        return omissions.stream().anyMatch(gap -> gap.contains(time.getEpochSecond()));
    }

    boolean isUnknown(String id) {
        return unknownIds.contains(id);
    }

    private static ScenarioHeader.Omission omission(String value) {
        try {
            return ScenarioHeader.Omission.parse(value);
        } catch (IllegalArgumentException unreadable) {
            throw invalid(unreadable.getMessage());
        }
    }

    private static String required(String name, String value) {
        if (value.isEmpty()) {
            throw invalid(name + "= needs a value");
        }
        return value;
    }

    private static ZenlayerRefusal invalid(String problem) {
        return ZenlayerError.SANDBOX_INVALID_SCENARIO.refusal(HEADER + ": " + problem + ".");
    }
}
