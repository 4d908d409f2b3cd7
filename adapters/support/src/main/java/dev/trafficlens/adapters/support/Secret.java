package dev.trafficlens.adapters.support;

import java.util.Objects;

/**
 * A vendor secret key. It prints as {@code ******} everywhere ({@code toString}, logs, exceptions, test output); only
 * a signer calls {@link #reveal()}, to compute a signature.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isBlank()) {
            throw new IllegalArgumentException("secret: expected a non-empty value");
        }
        return new Secret(value);
    }

    /** The secret itself, for signing and nothing else. */
    public String reveal() {
        return value;
    }

    /** Whether {@code text} contains this secret: for tests and log checks that prove it never leaks. */
    public boolean appearsIn(String text) {
        return text != null && text.contains(value);
    }

    @Override
    public String toString() {
        return "******";
    }
}
