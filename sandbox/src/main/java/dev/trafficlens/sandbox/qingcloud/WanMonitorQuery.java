package dev.trafficlens.sandbox.qingcloud;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API parameters of one GetWanMonitor call, checked as the vendor's page documents them. */
record WanMonitorQuery(String zone, String resource, String accessType, List<Meter> meters, long stepSeconds,
                       String stepLabel, Instant start, Instant end) {

    /** The meters GetWanMonitor serves, each an {@code [in, out]} pair per slot. */
    enum Meter {
        TRAFFIC("traffic"), FLOW("flow"), PPS("pps");

        final String id;

        Meter(String id) {
            this.id = id;
        }

        static Meter of(String id) {
            for (Meter meter : values()) {
                if (meter.id.equals(id)) {
                    return meter;
                }
            }
            return null;
        }
    }

    /** {@code line} is documented by the vendor's SDK, the other three by the API page. */
    static final Set<String> ACCESS_TYPES = Set.of("vpc", "cpe", "connect", "line");

    static final Map<String, Long> STEPS = steps();

    /** UTC only, seconds with an optional fraction: {@code 2011-07-11T11:07:00Z} or {@code 2011-07-11T11:07:00.520Z}. */
    static final Pattern UTC_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");

    private static final Pattern ZONE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern METER_NAME = Pattern.compile("meters\\.([1-9][0-9]{0,2})");

    /** The query {@code parameters} name, or a {@link Refusal} with the first problem found. */
    static WanMonitorQuery parse(RequestParameters parameters) {
        String zone = required(parameters, "zone");
        if (!ZONE.matcher(zone).matches()) {
            throw refused("the value of parameter [zone] should be a lower-case zone id such as pek3, got [" + zone + "]");
        }
        String resource = required(parameters, "resource");
        String accessType = required(parameters, "access_type");
        if (!ACCESS_TYPES.contains(accessType)) {
            throw refused("the value of parameter [access_type] should be one of [vpc, cpe, connect, line], got ["
                    + accessType + "]");
        }
        List<Meter> meters = meters(parameters);
        String stepLabel = required(parameters, "step");
        Long step = STEPS.get(stepLabel);
        if (step == null) {
            throw refused("the value of parameter [step] should be one of [1m, 5m, 15m, 30m, 1h, 2h, 1d], got ["
                    + stepLabel + "]");
        }
        Instant start = utcTime(parameters, "start_time");
        Instant end = utcTime(parameters, "end_time");
        if (!start.isBefore(end)) {
            throw refused("start_time [" + parameters.get("start_time") + "] should be before end_time ["
                    + parameters.get("end_time") + "]");
        }
        return new WanMonitorQuery(zone, resource, accessType, meters, step, stepLabel, start, end);
    }

    /** Epoch second of the first slot: the step grid point at or after the start. */
    long firstSlot() {
        long startSecond = start.getEpochSecond() + (start.getNano() > 0 ? 1 : 0);
        return Math.floorDiv(startSecond + stepSeconds - 1, stepSeconds) * stepSeconds;
    }

    /** Slots on the step grid in {@code [start, end)}. */
    long slotCount() {
        long first = firstSlot();
        long endSecond = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
        return first >= endSecond ? 0 : Math.floorDiv(endSecond - first - 1, stepSeconds) + 1;
    }

    static Refusal refused(String detail) {
        return new Refusal(IaasError.invalidParameter(detail));
    }

    private static String required(RequestParameters parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new Refusal(IaasError.missingParameter(name));
        }
        return value;
    }

    private static List<Meter> meters(RequestParameters parameters) {
        Map<Integer, String> numbered = new TreeMap<>();
        for (Map.Entry<String, String> parameter : parameters.all().entrySet()) {
            if (!parameter.getKey().startsWith("meters")) {
                continue;
            }
            Matcher name = METER_NAME.matcher(parameter.getKey());
            if (!name.matches()) {
                throw refused("meters are numbered from 1 (meters.1, meters.2, ...), got parameter ["
                        + parameter.getKey() + "]");
            }
            numbered.put(Integer.parseInt(name.group(1)), parameter.getValue());
        }
        if (numbered.isEmpty()) {
            throw new Refusal(IaasError.missingParameter("meters.1"));
        }
        List<Meter> meters = new ArrayList<>();
        int expected = 1;
        for (Map.Entry<Integer, String> meter : numbered.entrySet()) {
            if (meter.getKey() != expected) {
                throw refused("meters are numbered 1, 2, 3 without holes: expected meters." + expected
                        + ", got meters." + meter.getKey());
            }
            expected++;
            Meter known = Meter.of(meter.getValue());
            if (known == null) {
                throw refused("the value of parameter [meters." + meter.getKey()
                        + "] should be one of [traffic, flow, pps], got [" + meter.getValue() + "]");
            }
            if (meters.contains(known)) {
                throw refused("meter [" + known.id + "] is asked for twice");
            }
            meters.add(known);
        }
        return List.copyOf(meters);
    }

    private static Instant utcTime(RequestParameters parameters, String name) {
        String value = required(parameters, name);
        if (UTC_TIME.matcher(value).matches()) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException impossibleDate) {
                // falls through to the refusal below
            }
        }
        throw refused("the value of parameter [" + name + "] should be a UTC time such as 2011-07-11T11:07:00Z or "
                + "2011-07-11T11:07:00.520Z, got [" + value + "]");
    }

    private static Map<String, Long> steps() {
        Map<String, Long> steps = new LinkedHashMap<>();
        steps.put("1m", 60L);
        steps.put("5m", 300L);
        steps.put("15m", 900L);
        steps.put("30m", 1800L);
        steps.put("1h", 3600L);
        steps.put("2h", 7200L);
        steps.put("1d", 86400L);
        return Map.copyOf(steps);
    }
}
