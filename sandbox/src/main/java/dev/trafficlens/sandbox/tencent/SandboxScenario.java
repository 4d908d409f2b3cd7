package dev.trafficlens.sandbox.tencent;

import dev.trafficlens.sandbox.ScenarioHeader;
import dev.trafficlens.sandbox.TrafficModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A provider state asked for per request, with the sandbox-only header {@code X-Sandbox-Scenario} (Tencent has no
 * such header; neither signature covers it), the convention the other simulators of the sandbox share. Directives,
 * separated by {@code ;}:
 * <ul>
 *   <li>{@code unknown=<id>}: this resource does not exist (a {@code vpcId}, {@code vpnGwId} or {@code vpnConnId}, or
 *       an mna resource such as {@code mna-1-AM});</li>
 *   <li>{@code omit=<from>/<to>}: the five-minute slots starting in {@code [from, to)} (ISO instants) have no
 *       sample;</li>
 *   <li>{@code gaps=none}: every slot has a sample: one the model has none for repeats the last one before it;</li>
 *   <li>{@code example=documentation}: once the request passes every check, the samples are those of the API
 *       document's example response (DescribeVpnConnMonitor: {@code [1221, 1212, 787]}; GetFlowStatisticByRegion:
 *       one bucket of 0 bytes at 1735259400), whatever the window; {@code omit} still applies.</li>
 * </ul>
 * It lets a Pact provider state set up what the deterministic traffic cannot show, while the request, its signature
 * and every other rule stay real. Requests without the header are untouched.
 */
record SandboxScenario(Set<String> unknownIds, List<ScenarioHeader.Omission> omissions, boolean noGaps,
                       boolean documentationExample) {

    static final String HEADER = ScenarioHeader.NAME;
    static final SandboxScenario NONE = new SandboxScenario(Set.of(), List.of(), false, false);

    /** How far back {@code gaps=none} looks for a sample to repeat: a day of slots. */
    private static final int LOOK_BACK_SLOTS = 288;

    SandboxScenario {
        unknownIds = Set.copyOf(unknownIds);
        omissions = List.copyOf(omissions);
    }

    /** The scenario a header asks for; an {@link IllegalArgumentException} saying what is wrong with it. */
    static SandboxScenario parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        Set<String> unknown = new HashSet<>();
        List<ScenarioHeader.Omission> omissions = new ArrayList<>();
        boolean noGaps = false;
        boolean example = false;
        for (ScenarioHeader.Directive directive : ScenarioHeader.directives(header)) {
            String name = directive.name();
            String value = directive.value();
            switch (name) {
                case "unknown" -> {
                    if (value.isEmpty()) {
                        throw invalid("unknown=: expected an id");
                    }
                    unknown.add(value);
                }
                case "omit" -> omissions.add(omission(value));
                case "gaps" -> {
                    if (!value.equals("none")) {
                        throw invalid("gaps=" + value + ": expected gaps=none");
                    }
                    noGaps = true;
                }
                case "example" -> {
                    if (!value.equals("documentation")) {
                        throw invalid("example=" + value + ": expected example=documentation");
                    }
                    example = true;
                }
                default -> throw invalid("unknown directive \"" + name
                        + "\": expected unknown=, omit=, gaps= or example=");
            }
        }
        return new SandboxScenario(unknown, omissions, noGaps, example);
    }

    boolean isUnknown(String id) {
        return unknownIds.contains(id);
    }

    boolean omits(long slot) {
        return omissions.stream().anyMatch(omission -> omission.contains(slot));
    }

    /** The model's bit rate of a slot as this scenario shows it: NaN where it has no sample. */
    double bitsPerSecond(TrafficModel traffic, String resourceId, TrafficModel.Direction direction, long slot) {
        if (omits(slot)) {
            return Double.NaN;
        }
        double rate = traffic.bitsPerSecond(resourceId, direction, slot);
        for (int back = 1; noGaps && Double.isNaN(rate) && back <= LOOK_BACK_SLOTS; back++) {
            rate = traffic.bitsPerSecond(resourceId, direction, slot - back * TrafficModel.SLOT_SECONDS);
        }
        return rate;
    }

    private static ScenarioHeader.Omission omission(String value) {
        try {
            return ScenarioHeader.Omission.parse(value);
        } catch (IllegalArgumentException unreadable) {
            throw invalid(unreadable.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(HEADER + ": " + problem);
    }
}
