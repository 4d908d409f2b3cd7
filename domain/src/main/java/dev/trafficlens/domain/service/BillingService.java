package dev.trafficlens.domain.service;

import dev.trafficlens.domain.billing.Bill;
import dev.trafficlens.domain.billing.BillDefinition;
import dev.trafficlens.domain.billing.BillInput;
import dev.trafficlens.domain.billing.BillPeriod;
import dev.trafficlens.domain.billing.BillingPeriod;
import dev.trafficlens.domain.billing.ClosedPeriod;
import dev.trafficlens.domain.billing.LinkSamples;
import dev.trafficlens.domain.billing.PeriodCalculator;
import dev.trafficlens.domain.billing.PeriodFigures;
import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.SourceLimits;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.BillStore;
import dev.trafficlens.domain.port.out.LinkStore;
import dev.trafficlens.domain.port.out.SampleArchive;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Bills over the archive (docs/billing.md): defines and changes bills, computes a period's figures from the links'
 * archived 5-minute samples only (never a vendor), closes each period {@code grace} after its end by storing its
 * figures, and records a later recomputation that differs as a revision. A period is read one link at a time
 * ({@link PeriodCalculator}), so a bill's computation holds one link's period of samples and the running aggregate.
 */
public final class BillingService {

    /** How long after its end a period closes: late and revised samples arrive within it. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(2);
    /** How many periods back {@link #closeDue} looks for periods still to close, and {@link #periods} may list. */
    public static final int MAX_PERIODS = 120;
    private static final int CLOSE_LOOKBACK = 13;

    private final BillStore bills;
    private final LinkStore links;
    private final SampleArchive archive;
    private final Clock clock;
    private final Duration grace;

    public BillingService(BillStore bills, LinkStore links, SampleArchive archive, Clock clock) {
        this(bills, links, archive, clock, DEFAULT_GRACE);
    }

    public BillingService(BillStore bills, LinkStore links, SampleArchive archive, Clock clock, Duration grace) {
        this.bills = Objects.requireNonNull(bills, "bills");
        this.links = Objects.requireNonNull(links, "links");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace: expected zero or more, got " + grace);
        }
    }

    public List<Bill> bills() {
        return bills.all();
    }

    public Optional<Bill> bill(String id) {
        return bills.byId(id);
    }

    /** Stores a new bill, or every problem with {@code input} (an unknown link is NOT_FOUND at {@code links[i]}). */
    public Validation<List<QueryProblem>, Bill> define(BillInput input) {
        return checked(input).map(definition -> bills.add(definition, clock.instant()));
    }

    /** Replaces a bill's definition; NOT_FOUND at {@code id} when there is no such bill. */
    public Validation<List<QueryProblem>, Bill> update(String id, BillInput input) {
        if (bills.byId(id).isEmpty()) {
            return Validation.invalid(List.of(QueryProblem.notFound("id", "no bill with id \"" + id + "\"")));
        }
        return checked(input).flatMap(definition -> bills.update(id, definition)
                .<Validation<List<QueryProblem>, Bill>>map(Validation::valid)
                .orElseGet(() -> Validation.invalid(
                        List.of(QueryProblem.notFound("id", "no bill with id \"" + id + "\"")))));
    }

    public boolean remove(String id) {
        return bills.remove(id);
    }

    /**
     * The period of {@code bill} named {@code period}: a closed one from the store, any other computed now from the
     * archive (as if it ended now, when it has not); or why {@code period} names no period.
     */
    public Validation<QueryProblem, BillPeriod> period(Bill bill, String period) {
        return bill.definition().period(period).map(parsed -> periodOf(bill, parsed));
    }

    /** The {@code last} periods of {@code bill} up to the current one, newest first. */
    public Validation<QueryProblem, List<BillPeriod>> periods(Bill bill, int last) {
        if (last < 1 || last > MAX_PERIODS) {
            return Validation.invalid(QueryProblem.invalid("last", "expected 1 to " + MAX_PERIODS + " periods, got "
                    + last));
        }
        BillDefinition definition = bill.definition();
        return Validation.valid(BillingPeriod.last(last, clock.instant(), definition.timeZone(),
                definition.periodStartDay()).stream().map(period -> periodOf(bill, period)).toList());
    }

    /** The figures of {@code bill} over {@code period} computed now from the archive, never from the store. */
    public PeriodFigures compute(Bill bill, BillingPeriod period) {
        Instant now = clock.instant();
        PeriodCalculator calculator = new PeriodCalculator(bill.definition(), period, now);
        Map<String, Link> known = links.all().stream().collect(Collectors.toMap(Link::id, Function.identity()));
        boolean started = period.elapsedSlotsAt(now) > 0;
        for (String linkId : bill.definition().links()) {
            Link link = known.get(linkId);
            calculator.add(linkId, link == null || !started
                    ? LinkSamples.missing(period.expectedSlots()) : samplesOf(link, period));
        }
        return calculator.figures();
    }

    /**
     * Closes every period of every bill whose end is at least {@code grace} past and that is not closed yet (among the
     * last 13 periods), storing its figures; returns the periods it closed. Periods that ended before the bill was
     * defined are never closed: they stay computed from the archive on each read.
     */
    public List<ClosedPeriod> closeDue() {
        Instant now = clock.instant();
        List<ClosedPeriod> closed = new ArrayList<>();
        for (Bill bill : bills.all()) {
            BillDefinition definition = bill.definition();
            for (BillingPeriod period : BillingPeriod.last(CLOSE_LOOKBACK, now, definition.timeZone(),
                    definition.periodStartDay())) {
                boolean due = !period.to().plus(grace).isAfter(now) && period.to().isAfter(bill.createdAt());
                if (due && bills.closed(bill.id(), period.name()).isEmpty()) {
                    bills.record(bill.id(), compute(bill, period), now).ifPresent(closed::add);
                }
            }
        }
        return closed;
    }

    /**
     * Recomputes a closed period from the archive and keeps the result as a revision when it differs from the latest
     * one (samples revised since the close); empty when the period is not closed.
     */
    public Optional<ClosedPeriod> recheck(Bill bill, String period) {
        Optional<ClosedPeriod> closed = bills.closed(bill.id(), period);
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        BillingPeriod stored = closed.get().latest().period();
        BillingPeriod current = bill.definition().period(period).getOrElse(stored);
        return bills.record(bill.id(), compute(bill, current), clock.instant());
    }

    private BillPeriod periodOf(Bill bill, BillingPeriod period) {
        Optional<ClosedPeriod> closed = bills.closed(bill.id(), period.name());
        if (closed.isPresent()) {
            return new BillPeriod(closed.get().atClose(), closed);
        }
        return new BillPeriod(compute(bill, period), Optional.empty());
    }

    private Validation<List<QueryProblem>, BillDefinition> checked(BillInput input) {
        List<QueryProblem> problems = new ArrayList<>();
        Validation<List<QueryProblem>, BillDefinition> definition = BillDefinition.validate(input);
        if (definition.isInvalid()) {
            problems.addAll(definition.getError());
        }
        if (input != null && input.links() != null) {
            Set<String> known = links.all().stream().map(Link::id).collect(Collectors.toSet());
            for (int i = 0; i < input.links().size(); i++) {
                String id = input.links().get(i);
                if (id != null && !id.isBlank() && !known.contains(id)) {
                    problems.add(QueryProblem.notFound("links[" + i + "]", "no link with id \"" + id + "\""));
                }
            }
        }
        return problems.isEmpty() ? definition : Validation.invalid(List.copyOf(problems));
    }

    /**
     * The link's archived samples over the period: bit rates where its vendor reports them, else the volumes it reports
     * (Tencent MNA), from which the bit rate is derived as its queries derive it.
     */
    private LinkSamples samplesOf(Link link, BillingPeriod period) {
        SourceLimits limits = link.source().limits();
        if (limits.metrics().containsAll(Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT))) {
            Map<Metric, TrafficSeries> read = archive.read(link.resource(),
                    Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT), period.window());
            return LinkSamples.ofBitRates(read.get(Metric.BITRATE_IN).values(), read.get(Metric.BITRATE_OUT).values());
        }
        if (limits.metrics().containsAll(Set.of(Metric.VOLUME_IN, Metric.VOLUME_OUT))) {
            Map<Metric, TrafficSeries> read = archive.read(link.resource(),
                    Set.of(Metric.VOLUME_IN, Metric.VOLUME_OUT), period.window());
            return LinkSamples.ofVolumes(read.get(Metric.VOLUME_IN).values(), read.get(Metric.VOLUME_OUT).values());
        }
        return LinkSamples.missing(period.expectedSlots());
    }
}
