package dev.trafficlens.domain.model;

import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Collects every problem with a set of fields, so a type can both refuse bad arguments in its constructor and offer
 * a {@code validate} factory that reports all problems at once, from one set of rules.
 */
final class FieldChecks {

    private static final int MAX_IDENTIFIER_LENGTH = 256;

    private final List<QueryProblem> problems = new ArrayList<>();

    /** A vendor identifier: present, not blank, no control characters, at most 256 characters. */
    FieldChecks identifier(String field, String value) {
        if (value == null || value.isBlank()) {
            return add(field, "expected a non-empty identifier");
        }
        if (value.length() > MAX_IDENTIFIER_LENGTH) {
            return add(field, "expected at most " + MAX_IDENTIFIER_LENGTH + " characters, got " + value.length());
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            return add(field, "expected no spaces or control characters");
        }
        return this;
    }

    FieldChecks optionalIdentifier(String field, Optional<String> value) {
        if (value == null) {
            return add(field, "expected a value or Optional.empty()");
        }
        return value.map(present -> identifier(field, present)).orElse(this);
    }

    FieldChecks oneOf(String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            return add(field, "expected one of " + sorted(allowed) + ", got " + quoted(value));
        }
        return this;
    }

    FieldChecks optionalOneOf(String field, Optional<String> value, Set<String> allowed) {
        if (value == null) {
            return add(field, "expected a value or Optional.empty()");
        }
        return value.map(present -> oneOf(field, present, allowed)).orElse(this);
    }

    FieldChecks add(String field, String message) {
        problems.add(QueryProblem.invalid(field, message));
        return this;
    }

    /** For constructors: bad arguments are a programming error there. */
    void throwIfAny(String type) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(type + ": "
                    + problems.stream().map(QueryProblem::toString).collect(Collectors.joining("; ")));
        }
    }

    <T> Validation<List<QueryProblem>, T> toValidation(Supplier<T> whenValid) {
        return problems.isEmpty() ? Validation.valid(whenValid.get()) : Validation.invalid(List.copyOf(problems));
    }

    private static String sorted(Set<String> allowed) {
        return allowed.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }
}
