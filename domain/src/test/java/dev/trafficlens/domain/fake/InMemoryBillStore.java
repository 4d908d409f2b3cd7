package dev.trafficlens.domain.fake;

import dev.trafficlens.domain.billing.Bill;
import dev.trafficlens.domain.billing.BillDefinition;
import dev.trafficlens.domain.billing.ClosedPeriod;
import dev.trafficlens.domain.billing.PeriodFigures;
import dev.trafficlens.domain.billing.PeriodRevision;
import dev.trafficlens.domain.port.out.BillStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link BillStore} contract in memory; ids are {@code bil_1}, {@code bil_2}, … in the order bills are added. */
public final class InMemoryBillStore implements BillStore {

    private final Map<String, Bill> bills = new LinkedHashMap<>();
    private final Map<String, Map<String, List<PeriodRevision>>> closed = new HashMap<>();
    private int added;

    @Override
    public synchronized List<Bill> all() {
        return List.copyOf(bills.values());
    }

    @Override
    public synchronized Optional<Bill> byId(String id) {
        return Optional.ofNullable(bills.get(id));
    }

    @Override
    public synchronized Bill add(BillDefinition definition, Instant createdAt) {
        Bill bill = new Bill("bil_" + ++added, definition, createdAt);
        bills.put(bill.id(), bill);
        return bill;
    }

    @Override
    public synchronized Optional<Bill> update(String id, BillDefinition definition) {
        return byId(id).map(bill -> {
            Bill updated = new Bill(id, definition, bill.createdAt());
            bills.put(id, updated);
            return updated;
        });
    }

    @Override
    public synchronized boolean remove(String id) {
        closed.remove(id);
        return bills.remove(id) != null;
    }

    @Override
    public synchronized Optional<ClosedPeriod> closed(String billId, String period) {
        return Optional.ofNullable(closed.getOrDefault(billId, Map.of()).get(period))
                .map(revisions -> new ClosedPeriod(billId, revisions));
    }

    @Override
    public synchronized Optional<ClosedPeriod> record(String billId, PeriodFigures figures, Instant computedAt) {
        PeriodRevision revision = new PeriodRevision(figures, computedAt);
        if (!bills.containsKey(billId)) {
            return Optional.empty();
        }
        List<PeriodRevision> revisions = closed.computeIfAbsent(billId, id -> new HashMap<>())
                .computeIfAbsent(figures.period().name(), name -> new ArrayList<>());
        if (revisions.isEmpty() || !revisions.get(revisions.size() - 1).figures().equals(figures)) {
            revisions.add(revision);
        }
        return closed(billId, figures.period().name());
    }
}
