package dev.trafficlens.graphql.security;

import dev.trafficlens.graphql.config.TrafficlensProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API tokens of {@code trafficlens.security.tokens}, known by their SHA-256 only. A presented token is hashed and
 * compared with every configured hash in constant time, all of them every time, so neither the time taken nor the
 * order of the configuration tells how close a guess was or which token it matched.
 */
public final class ApiTokens {

    private record Known(String name, byte[] hash, Role role) {
    }

    private final List<Known> known;

    public ApiTokens(List<TrafficlensProperties.Token> tokens) {
        this.known = tokens.stream().map(token -> new Known(token.name().trim(), token.hash(), token.grantedRole()))
                .toList();
    }

    public boolean isEmpty() {
        return known.isEmpty();
    }

    /** The caller {@code presented} belongs to; empty when it is no configured token. */
    public Optional<Caller> match(String presented) {
        byte[] hash = sha256(presented);
        Known matched = null;
        for (Known token : known) {
            if (MessageDigest.isEqual(token.hash(), hash) & matched == null) {
                matched = token;
            }
        }
        return matched == null ? Optional.empty() : Optional.of(new Caller(matched.name(), matched.role()));
    }

    /** The hex SHA-256 of {@code token}'s UTF-8 bytes, as {@code trafficlens.security.tokens[i].sha256} holds it. */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    @Override
    public String toString() {
        return "ApiTokens" + known.stream().map(Known::name).toList();
    }
}
