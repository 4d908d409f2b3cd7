package dev.trafficlens.sandbox.zenlayer;

import dev.trafficlens.sandbox.SandboxContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One traffic request, read and checked in the order Zenlayer's errors suggest: required parameters (400
 * MISSING_PARAMETER), time format (403 INVALID_TIME_FORMAT), start before end, span of at most one day, start within
 * the last 30 days of the sandbox clock, and finally whether the named resources exist (404).
 */
record TrafficCall(ZenlayerApi api, List<String> ids, Instant start, Instant end) {

    static final Duration MAX_SPAN = Duration.ofDays(1);
    static final Duration RETENTION = Duration.ofDays(30);

    /** The documented format {@code YYYY-MM-DDThh:mm:ssZ}, strictly: UTC, whole seconds, real dates only. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withResolverStyle(ResolverStyle.STRICT);

    TrafficCall {
        ids = List.copyOf(ids);
    }

    String resourceId() {
        return ZenlayerApi.resourceId(ids);
    }

    static TrafficCall read(ZenlayerApi api, JsonNode body, Instant now, SandboxScenario scenario) {
        if (body == null || !body.isObject()) {
            throw ZenlayerError.INVALID_PARAMETER_VALUE.refusal("The request body must be a JSON object.");
        }
        List<String> ids = new ArrayList<>();
        for (String name : api.idParameters()) {
            ids.add(requiredId(body, name));
        }
        if (absent(body, "startTime")) {
            throw ZenlayerError.MISSING_PARAMETER.refusal("The parameter startTime is missing.");
        }
        Instant start = time(body, "startTime");
        Instant end = absent(body, "endTime") ? now.truncatedTo(ChronoUnit.SECONDS) : time(body, "endTime");
        if (!start.isBefore(end)) {
            throw ZenlayerError.INVALID_START_TIME_MUST_BEFORE_END_TIME.refusal(
                    "startTime " + start + " must be before endTime " + end + ".");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ZenlayerError.INVALID_TIME_RANGE.refusal();
        }
        if (start.isBefore(now.minus(RETENTION))) {
            throw ZenlayerError.TIME_OUT_OF_RANGE.refusal();
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (SandboxContext.isUnknown(id) || scenario.isUnknown(id)) {
                String parameter = api.idParameters().get(i);
                throw api.notFound(parameter).refusal("The " + parameter + " " + id + " does not exist.");
            }
        }
        return new TrafficCall(api, ids, start, end);
    }

    private static boolean absent(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull();
    }

    private static String requiredId(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())) {
            throw ZenlayerError.MISSING_PARAMETER.refusal("The parameter " + name + " is missing.");
        }
        if (!value.isString()) {
            throw ZenlayerError.INVALID_PARAMETER_TYPE.refusal("The parameter " + name + " must be a string.");
        }
        return value.stringValue();
    }

    private static Instant time(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value.isString()) {
            try {
                return LocalDateTime.parse(value.stringValue(), TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                // answered below
            }
        }
        throw ZenlayerError.INVALID_TIME_FORMAT.refusal(
                "Invalid time format of " + name + ": expected yyyy-MM-ddTHH:mm:ssZ in UTC, got " + value + ".");
    }
}
