package dev.trafficlens.sandbox;

import java.util.Objects;

/** The one key pair the sandbox accepts for all five APIs. The secret never prints. */
public record Credentials(String accessKeyId, String accessKeySecret) {

    /** What the sandbox accepts when started without keys; the service's sandbox mode uses the same. */
    public static final Credentials DEFAULT = new Credentials("sandbox-access-key-id", "sandbox-access-key-secret");

    public Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        if (accessKeyId.isBlank() || accessKeySecret.isBlank()) {
            throw new IllegalArgumentException("credentials: expected a non-empty access key id and secret");
        }
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", accessKeySecret=******]";
    }
}
