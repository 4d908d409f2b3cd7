package dev.trafficlens.sandbox;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox-only request header {@code X-Sandbox-Scenario} with which Pact provider states ask a simulator for what
 * its deterministic traffic cannot show. No real client sends it and no vendor signature covers it. This reads the
 * parts every simulator shares: {@code name=value} directives separated by {@code ;}, and {@code omit=<from>/<to>}
 * windows; each simulator decides which directives it honours and how it refuses a bad one.
 */
public final class ScenarioHeader {

    public static final String NAME = "X-Sandbox-Scenario";

    private ScenarioHeader() {
    }

    /** One {@code name=value} directive; the value is empty when none was given. */
    public record Directive(String name, String value) {
    }

    /** A half-open window {@code [from, to)} of epoch seconds in which the resource has no sample. */
    public record Omission(long from, long to) {

        public boolean contains(long epochSecond) {
            return epochSecond >= from && epochSecond < to;
        }

        /**
         * Reads {@code <from>/<to>} (ISO-8601 instants); an {@link IllegalArgumentException} says what is wrong,
         * starting with {@code omit=<value>:}.
         */
        public static Omission parse(String value) {
            int slash = value.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("omit=" + value + ": expected omit=<from>/<to> with ISO instants");
            }
            long from;
            long to;
            try {
                from = Instant.parse(value.substring(0, slash).trim()).getEpochSecond();
                to = Instant.parse(value.substring(slash + 1).trim()).getEpochSecond();
            } catch (DateTimeException unreadable) {
                throw new IllegalArgumentException("omit=" + value + ": expected omit=<from>/<to> with ISO instants");
            }
            if (from >= to) {
                throw new IllegalArgumentException("omit=" + value + ": expected from before to");
            }
            return new Omission(from, to);
        }
    }

    /** The directives of a header value, in order; none for an absent or blank header. */
    public static List<Directive> directives(String header) {
        List<Directive> directives = new ArrayList<>();
        if (header == null) {
            return directives;
        }
        for (String part : header.split(";")) {
            String text = part.trim();
            if (text.isEmpty()) {
                continue;
            }
            int equals = text.indexOf('=');
            directives.add(equals < 0
                    ? new Directive(text, "")
                    : new Directive(text.substring(0, equals).trim(), text.substring(equals + 1).trim()));
        }
        return directives;
    }
}
