package dev.trafficlens.graphql.config;

import dev.trafficlens.domain.billing.Bill;
import dev.trafficlens.domain.billing.BillInput;
import dev.trafficlens.domain.billing.BillPeriod;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.service.BillingService;
import io.vavr.control.Validation;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the bills API may do with the billing service, so that data fetchers stay off the domain's services: each
 * call throws {@link ArchiveUnavailable} with {@code ARCHIVE_DISABLED} when {@code trafficlens.archive.enabled=false}
 * (bills and their samples are kept there), or {@code ARCHIVE_UNAVAILABLE} when its database does not answer.
 */
public final class BillBook {

    /** Why bills answer nothing when the archive is off. */
    public static final String ARCHIVE_OFF =
            "bills are computed from the archive, which is off (trafficlens.archive.enabled=false)";

    private final Optional<BillingService> billing;

    BillBook(Optional<BillingService> billing) {
        this.billing = billing;
    }

    public List<Bill> all() {
        return guarded(() -> service().bills());
    }

    public Optional<Bill> byId(String id) {
        return guarded(() -> service().bill(id));
    }

    public Validation<List<QueryProblem>, Bill> define(BillInput input) {
        return guarded(() -> service().define(input));
    }

    public Validation<List<QueryProblem>, Bill> update(String id, BillInput input) {
        return guarded(() -> service().update(id, input));
    }

    public boolean remove(String id) {
        return guarded(() -> service().remove(id));
    }

    public Validation<QueryProblem, BillPeriod> period(Bill bill, String period) {
        return guarded(() -> service().period(bill, period));
    }

    public Validation<QueryProblem, List<BillPeriod>> periods(Bill bill, int last) {
        return guarded(() -> service().periods(bill, last));
    }

    private BillingService service() {
        return billing.orElseThrow(() -> ArchiveUnavailable.disabled(ARCHIVE_OFF));
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (ArchiveUnavailableException unavailable) {
            throw ArchiveUnavailable.unreachable(unavailable.getMessage());
        }
    }
}
