package dev.trafficlens.graphql.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.trafficlens.domain.billing.BillInput;
import dev.trafficlens.domain.billing.BillPeriod;
import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.graphql.config.ArchiveUnavailable;
import dev.trafficlens.graphql.config.BillBook;
import dev.trafficlens.graphql.config.LinkDirectory;
import dev.trafficlens.graphql.errors.GraphqlErrors;
import dev.trafficlens.graphql.generated.DgsConstants.BILL;
import dev.trafficlens.graphql.generated.DgsConstants.MUTATION;
import dev.trafficlens.graphql.generated.DgsConstants.QUERY;
import dev.trafficlens.graphql.generated.types.Bill;
import dev.trafficlens.graphql.views.BillViews;
import dev.trafficlens.graphql.views.LinkViews;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import io.vavr.control.Validation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bills API (docs/billing.md): {@code Query.bills}, {@code Query.bill}, the mutations that define, change and
 * remove bills, and a bill's links and periods. Every problem with an input is an error at the field naming it
 * ({@code extensions.field}, under {@code input.} for the bill's input): {@code INVALID_QUERY}, or {@code NOT_FOUND}
 * for an unknown link or bill; {@code ARCHIVE_DISABLED} when {@code trafficlens.archive.enabled=false},
 * {@code ARCHIVE_UNAVAILABLE} when its database does not answer.
 */
@DgsComponent
public class BillDataFetcher {

    private final BillBook bills;
    private final LinkDirectory links;
    private final Clock clock;

    public BillDataFetcher(BillBook bills, LinkDirectory links, Clock clock) {
        this.bills = bills;
        this.links = links;
        this.clock = clock;
    }

    @DgsQuery(field = QUERY.Bills)
    public DataFetcherResult<List<Bill>> bills(DataFetchingEnvironment env) {
        return guarded(env, () -> answer(bills.all().stream().map(BillViews::of).toList()));
    }

    @DgsQuery(field = QUERY.Bill)
    public DataFetcherResult<Bill> bill(DataFetchingEnvironment env, @InputArgument String id) {
        return guarded(env, () -> answer(bills.byId(id).map(BillViews::of).orElse(null)));
    }

    @DgsMutation(field = MUTATION.DefineBill)
    public DataFetcherResult<Bill> defineBill(
            DataFetchingEnvironment env,
            @InputArgument dev.trafficlens.graphql.generated.types.BillInput input) {
        return guarded(env, () -> stored(bills.define(domain(input)), env));
    }

    @DgsMutation(field = MUTATION.UpdateBill)
    public DataFetcherResult<Bill> updateBill(
            DataFetchingEnvironment env, @InputArgument String id,
            @InputArgument dev.trafficlens.graphql.generated.types.BillInput input) {
        return guarded(env, () -> stored(bills.update(id, domain(input)), env));
    }

    @DgsMutation(field = MUTATION.RemoveBill)
    public DataFetcherResult<Boolean> removeBill(DataFetchingEnvironment env, @InputArgument String id) {
        return guarded(env, () -> answer(bills.remove(id)));
    }

    @DgsData(parentType = BILL.TYPE_NAME, field = BILL.Links)
    public DataFetcherResult<List<dev.trafficlens.graphql.generated.types.Link>> links(DataFetchingEnvironment env) {
        return guarded(env, () -> withBill(env, bill -> {
            Map<String, Link> known = links.all().stream().collect(Collectors.toMap(Link::id, Function.identity()));
            return answer(bill.definition().links().stream().filter(known::containsKey)
                    .map(id -> LinkViews.of(known.get(id), clock.instant())).toList());
        }));
    }

    @DgsData(parentType = BILL.TYPE_NAME, field = BILL.Period)
    public DataFetcherResult<dev.trafficlens.graphql.generated.types.BillPeriod> period(
            DataFetchingEnvironment env, @InputArgument String period) {
        return guarded(env, () -> withBill(env, bill -> {
            Validation<QueryProblem, BillPeriod> computed = bills.period(bill, period);
            if (computed.isInvalid()) {
                return failed(List.of(computed.getError()), env);
            }
            return answer(BillViews.of(computed.get(), linkNames()));
        }));
    }

    @DgsData(parentType = BILL.TYPE_NAME, field = BILL.Periods)
    public DataFetcherResult<List<dev.trafficlens.graphql.generated.types.BillPeriod>> periods(
            DataFetchingEnvironment env, @InputArgument Integer last) {
        return guarded(env, () -> withBill(env, bill -> {
            if (last == null) {
                return failed(List.of(QueryProblem.invalid("last", "expected a number of periods, got null")), env);
            }
            Validation<QueryProblem, List<BillPeriod>> computed = bills.periods(bill, last);
            if (computed.isInvalid()) {
                return failed(List.of(computed.getError()), env);
            }
            Map<String, String> names = linkNames();
            return answer(computed.get().stream().map(each -> BillViews.of(each, names)).toList());
        }));
    }

    /** The bill a child field belongs to, read again: a bill removed meanwhile is NOT_FOUND at its id. */
    private <T> DataFetcherResult<T> withBill(DataFetchingEnvironment env,
                                              Function<dev.trafficlens.domain.billing.Bill, DataFetcherResult<T>> work) {
        String id = ((Bill) env.getSource()).getId();
        return bills.byId(id).map(work).orElseGet(() -> failed(
                List.of(QueryProblem.notFound("id", "no bill has id \"" + id + "\"")), env));
    }

    private Map<String, String> linkNames() {
        return links.all().stream().collect(Collectors.toMap(Link::id, Link::name));
    }

    /**
     * The domain's input: absent optional fields stay absent (the domain fills the defaults the schema also shows);
     * the domain names its problems after the input's fields, reported under {@code input.}.
     */
    static BillInput domain(dev.trafficlens.graphql.generated.types.BillInput input) {
        return new BillInput(input.getName(), input.getLinks(),
                Optional.ofNullable(input.getModel()), Optional.ofNullable(input.getRule()),
                Optional.ofNullable(input.getCombine()),
                optional(input.getCommitBps()), optional(input.getPricePerMbps()),
                optional(input.getOveragePricePerMbps()), optional(input.getCommitBytes()),
                optional(input.getPricePerGB()),
                Optional.ofNullable(input.getCurrency()), Optional.ofNullable(input.getTimeZone()),
                Optional.ofNullable(input.getPeriodStartDay()));
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static DataFetcherResult<Bill> stored(
            Validation<List<QueryProblem>, dev.trafficlens.domain.billing.Bill> result, DataFetchingEnvironment env) {
        if (result.isInvalid()) {
            return failed(result.getError().stream()
                    .map(problem -> problem.field().equals("id") ? problem : problem.under("input")).toList(), env);
        }
        return answer(BillViews.of(result.get()));
    }

    private static <T> DataFetcherResult<T> answer(T data) {
        return DataFetcherResult.<T>newResult().data(data).build();
    }

    private static <T> DataFetcherResult<T> failed(List<QueryProblem> problems, DataFetchingEnvironment env) {
        ResultPath path = env.getExecutionStepInfo().getPath();
        List<GraphQLError> errors = problems.stream().map(problem -> GraphqlErrors.of(problem, path)).toList();
        return DataFetcherResult.<T>newResult().errors(errors).build();
    }

    /** Runs {@code work}; the archive being off or unreachable is the field's error. */
    private static <T> DataFetcherResult<T> guarded(DataFetchingEnvironment env,
                                                    java.util.function.Supplier<DataFetcherResult<T>> work) {
        try {
            return work.get();
        } catch (ArchiveUnavailable unavailable) {
            return DataFetcherResult.<T>newResult().error(unavailable.error(env.getExecutionStepInfo().getPath()))
                    .build();
        }
    }
}
