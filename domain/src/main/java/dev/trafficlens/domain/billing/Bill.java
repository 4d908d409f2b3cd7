package dev.trafficlens.domain.billing;

import java.time.Instant;
import java.util.Objects;

/** A stored bill: its id ({@code bil_…}), its definition and when it was first defined. */
public record Bill(String id, BillDefinition definition, Instant createdAt) {

    public Bill {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
