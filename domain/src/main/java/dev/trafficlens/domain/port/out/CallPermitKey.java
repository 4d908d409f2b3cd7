package dev.trafficlens.domain.port.out;

import dev.trafficlens.domain.model.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What one shared rate limit counts: a source (one vendor API action) used with one credential. The credential
 * appears only as the first 16 hex digits of the SHA-256 of its access key id, so the stored key and anything that
 * prints it never show the id itself.
 */
public record CallPermitKey(String value) {

    public CallPermitKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("value: expected 1 to 200 characters, got " + value.length());
        }
    }

    /** The key of {@code source} used with the credential whose access key id (or secret id) is {@code accessKeyId}. */
    public static CallPermitKey of(Source source, String accessKeyId) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessKeyId.getBytes(StandardCharsets.UTF_8));
            return new CallPermitKey(source.id() + "/" + HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
