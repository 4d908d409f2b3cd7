package dev.trafficlens.graphql.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code java -jar …-exec.jar --trafficlens.security.new-token=NAME}: prints a new random token, its SHA-256 and the
 * configuration lines that let it in, then ends, before Spring starts (no web server, no archive, no vendor).
 * Only the hash belongs in the configuration; the token is shown this once, for its user to keep.
 */
public final class NewTokenCommand {

    static final String OPTION = "--trafficlens.security.new-token";
    /** Every token starts so, which lets secret scanners and people tell a trafficlens token at a glance. */
    static final String TOKEN_PREFIX = "tl_";
    private static final int TOKEN_BYTES = 32;
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private NewTokenCommand() {
    }

    /**
     * Runs the command when {@code args} ask for it: its exit status (0 printed, 2 refused), or empty when they do not
     * ask, and the service is to start.
     */
    public static OptionalInt run(String[] args, PrintStream out, PrintStream err) {
        Optional<String> name = requestedName(args);
        if (name.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!name.get().matches(NAME)) {
            err.println(OPTION + ": expected a token name of 1 to 64 letters, digits, '.', '_' or '-' (starting with"
                    + " a letter or digit), such as grafana, got '" + name.get() + "'");
            return OptionalInt.of(2);
        }
        String token = mint(new SecureRandom());
        String hash = ApiTokens.sha256Hex(token);
        out.println("New token for " + name.get() + " (shown once; give it to its user, keep it out of the"
                + " configuration):");
        out.println();
        out.println("  " + token);
        out.println();
        out.println("Its SHA-256: " + hash);
        out.println();
        out.println("Add these lines to the service's configuration (application.properties; use the next free index"
                + " instead of 0 if tokens are configured already; role VIEWER runs queries, EDITOR also mutations):");
        out.println();
        out.println("trafficlens.security.tokens[0].name=" + name.get());
        out.println("trafficlens.security.tokens[0].sha256=" + hash);
        out.println("trafficlens.security.tokens[0].role=VIEWER");
        out.println();
        out.println("Clients send it as: Authorization: Bearer " + TOKEN_PREFIX + "…");
        return OptionalInt.of(0);
    }

    /** {@code tl_} and 32 random bytes in unpadded base64url: 256 bits, safe in a header and a URL. */
    public static String mint(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> requestedName(String[] args) {
        for (String arg : args) {
            if (arg.equals(OPTION)) {
                return Optional.of("");
            }
            if (arg.startsWith(OPTION + "=")) {
                return Optional.of(arg.substring(OPTION.length() + 1));
            }
        }
        return Optional.empty();
    }
}
