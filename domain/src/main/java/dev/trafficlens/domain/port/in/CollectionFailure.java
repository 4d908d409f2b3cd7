package dev.trafficlens.domain.port.in;

import java.util.Objects;

/**
 * Why one link was not collected in a run: a {@code code} for programs ({@code NOT_FOUND} for an unknown link id, an
 * {@code ErrorKind} name for a vendor's refusal, {@code ARCHIVE_UNAVAILABLE}, {@code LEASE_LOST} when the run's lease expired, {@code INTERNAL}) and a message for
 * people, which never holds a secret.
 */
public record CollectionFailure(String linkId, String code, String message) {

    public CollectionFailure {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
