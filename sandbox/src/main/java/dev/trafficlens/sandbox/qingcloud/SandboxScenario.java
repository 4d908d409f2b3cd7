package dev.trafficlens.sandbox.qingcloud;

import dev.trafficlens.sandbox.ScenarioHeader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A provider state asked for per request, with the sandbox-only header {@code X-Sandbox-Scenario} (QingCloud has no
 * such header, and its signature covers parameters only). Directives, separated by {@code ;}:
 * <ul>
 *   <li>{@code unknown=<resource>}: this resource does not exist (ret_code 2100);</li>
 *   <li>{@code error=<ret_code>}: once the signature and time_stamp pass, answer with this QingCloud error
 *       (1400, 2100, 2400, 2500, 5000 or 5100);</li>
 *   <li>{@code status=<HTTP status>}: once they pass, answer with this bare HTTP status (400 to 599, such as a
 *       gateway's 429 or 503) and no body;</li>
 *   <li>{@code example=documentation}: once the request passes every check, answer with the example response of
 *       the vendor's GetWanMonitor page (without its {@code ......}), whatever the window.</li>
 *   <li>{@code omit=<from>/<to>[,<from>/<to>...]}: the resource has no sample in these half-open UTC windows
 *       (ISO-8601 instants), besides the traffic model's own gaps.</li>
 * </ul>
 * It lets a Pact provider state set up what the deterministic traffic cannot show, while the request, its signature
 * and every other rule stay real. Requests without the header are untouched.
 */
record SandboxScenario(Set<String> unknownResources, Optional<Integer> retCode, Optional<Integer> httpStatus,
                       boolean documentationExample, List<ScenarioHeader.Omission> omitted) {

    static final String HEADER = ScenarioHeader.NAME;
    static final SandboxScenario NONE =
            new SandboxScenario(Set.of(), Optional.empty(), Optional.empty(), false, List.of());

    /** The QingCloud errors a scenario may ask for, by ret_code, given the request's resource. */
    private static final Map<Integer, Function<String, IaasError>> ERRORS = Map.of(
            1400, resource -> new IaasError(1400, "PermissionDenied, resource [" + resource + "] does not belong to you"),
            2100, IaasError::resourceNotFound,
            2400, resource -> new IaasError(2400, "BalanceInsufficient, your balance is not enough"),
            2500, resource -> IaasError.quotaExceeded(),
            5000, resource -> IaasError.internal(),
            5100, resource -> new IaasError(5100, "ServerBusy, the server is busy, please try again later"));

    SandboxScenario {
        unknownResources = Set.copyOf(unknownResources);
        omitted = List.copyOf(omitted);
    }

    /** Whether the five-minute slot starting at {@code slotStart} (epoch seconds) is omitted by the scenario. */
    boolean omits(long slotStart) {
        return omitted.stream().anyMatch(window -> window.contains(slotStart));
    }

    /** The scenario a header value asks for; a {@link Refusal} (1100) naming what is wrong with it. */
    static SandboxScenario parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        Set<String> unknown = new HashSet<>();
        Optional<Integer> retCode = Optional.empty();
        Optional<Integer> status = Optional.empty();
        boolean documentationExample = false;
        List<ScenarioHeader.Omission> omitted = new ArrayList<>();
        for (ScenarioHeader.Directive directive : ScenarioHeader.directives(header)) {
            String name = directive.name();
            String value = directive.value();
            switch (name) {
                case "unknown" -> unknown.add(nonEmpty(name, value));
                case "error" -> {
                    int code = number(name, value);
                    if (!ERRORS.containsKey(code)) {
                        throw invalid("error=" + value + ": expected one of " + ERRORS.keySet().stream().sorted().toList());
                    }
                    retCode = Optional.of(code);
                }
                case "status" -> {
                    int code = number(name, value);
                    if (code < 400 || code > 599) {
                        throw invalid("status=" + value + ": expected an HTTP error status from 400 to 599");
                    }
                    status = Optional.of(code);
                }
                case "example" -> {
                    if (!value.equals("documentation")) {
                        throw invalid("example=" + value + ": expected example=documentation");
                    }
                    documentationExample = true;
                }
                case "omit" -> {
                    for (String window : nonEmpty(name, value).split(",")) {
                        omitted.add(window(window.trim()));
                    }
                }
                default -> throw invalid("unknown directive \"" + name
                        + "\": expected unknown=, error=, status=, example= or omit=");
            }
        }
        return new SandboxScenario(unknown, retCode, status, documentationExample, omitted);
    }

    /** The error asked for, worded for {@code resource}. */
    Optional<IaasError> error(String resource) {
        return retCode.map(code -> ERRORS.get(code).apply(resource == null ? "" : resource));
    }

    private static String nonEmpty(String name, String value) {
        if (value.isEmpty()) {
            throw invalid(name + "=: expected a value");
        }
        return value;
    }

    private static ScenarioHeader.Omission window(String text) {
        try {
            return ScenarioHeader.Omission.parse(text);
        } catch (IllegalArgumentException unreadable) {
            throw invalid(unreadable.getMessage());
        }
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw invalid(name + "=" + value + ": expected a number");
        }
    }

    private static Refusal invalid(String detail) {
        return new Refusal(new IaasError(1100, "InvalidParameterValue, header " + HEADER + ": " + detail));
    }
}
