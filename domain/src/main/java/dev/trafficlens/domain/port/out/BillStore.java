package dev.trafficlens.domain.port.out;

import dev.trafficlens.domain.billing.Bill;
import dev.trafficlens.domain.billing.BillDefinition;
import dev.trafficlens.domain.billing.ClosedPeriod;
import dev.trafficlens.domain.billing.PeriodFigures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Bills and their closed periods, kept beside the archive so every replica sees the same ones. Throws
 * {@link ArchiveUnavailableException} when its store cannot be reached.
 */
public interface BillStore {

    /** Every bill, oldest first. */
    List<Bill> all();

    Optional<Bill> byId(String id);

    /** Stores a new bill under a new id. */
    Bill add(BillDefinition definition, Instant createdAt);

    /**
     * Replaces a bill's definition; its closed periods keep the figures they closed with (a recomputation under the
     * new definition that differs is a revision). Empty when no such bill.
     */
    Optional<Bill> update(String id, BillDefinition definition);

    /** Removes a bill and its closed periods; false when there was none. */
    boolean remove(String id);

    /** The closed period of {@code billId} named {@code period} ({@code "2026-11"}), if it is closed. */
    Optional<ClosedPeriod> closed(String billId, String period);

    /**
     * Records a complete period's figures computed at {@code computedAt}: the first record of a period closes it; a
     * later one is kept as a revision only when it differs from the latest revision (equal figures change nothing).
     * Returns the period as stored; empty when no such bill.
     *
     * @throws IllegalArgumentException when the figures are not of a complete period
     */
    Optional<ClosedPeriod> record(String billId, PeriodFigures figures, Instant computedAt);
}
