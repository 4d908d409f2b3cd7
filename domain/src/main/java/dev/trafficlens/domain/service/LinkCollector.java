package dev.trafficlens.domain.service;

import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.SourceLimits;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficError;
import dev.trafficlens.domain.port.in.CollectionFailure;
import dev.trafficlens.domain.port.in.CollectionRun;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.port.out.CollectorLease;
import dev.trafficlens.domain.port.out.LinkStore;
import dev.trafficlens.domain.port.out.SampleArchive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Keeps the archive filled for every link: each run reads each link's vendor-native metrics at 5 minutes from its
 * watermark less {@code settle} (on its first run, from its vendor's retention edge: a backfill) up to now, through
 * {@link TrafficQueryService#refresh} so that the same planner, gates and rate limits serve queries and collection,
 * and stores them. A link's watermark moves only once the samples before it are stored; a link that fails keeps its
 * watermark and records why, so its gap is read again on the next run, and other links carry on. One replica at a
 * time runs, through the {@link CollectorLease}, which a run extends before a piece once a third of it has passed (a
 * heartbeat); a run that finds its lease lost stops reading, its links' watermarks where their stored pieces left them.
 */
public final class LinkCollector {

    private static final Step STEP = SampleArchive.step();
    /** Starting a backfill this far inside the retention edge keeps its first call clear of the edge as time passes. */
    private static final Duration EDGE_MARGIN = Duration.ofMinutes(5);

    private final LinkStore links;
    private final TrafficQueryService service;
    private final CollectorLease lease;
    private final Clock clock;
    private final CollectorSettings settings;

    public LinkCollector(LinkStore links, TrafficQueryService service, CollectorLease lease, Clock clock,
                         CollectorSettings settings) {
        this.links = Objects.requireNonNull(links, "links");
        this.service = Objects.requireNonNull(service, "service");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Collects {@code linkIds}, or every link when empty, and returns when done; at once, {@code skipped}, when another
     * replica holds the lease. An id no link has is a failure with code {@code NOT_FOUND}.
     *
     * @throws ArchiveUnavailableException when the link store cannot be read; no watermark moved
     */
    public CollectionRun collect(Optional<Set<String>> linkIds) {
        Instant startedAt = clock.instant();
        Optional<CollectorLease.Held> held = lease.tryAcquire(settings.lease());
        if (held.isEmpty()) {
            return CollectionRun.skipped(startedAt);
        }
        try (CollectorLease.Held running = held.get()) {
            Heartbeat heartbeat = new Heartbeat(running, startedAt);
            List<CollectionFailure> failures = new ArrayList<>();
            List<Link> chosen = chosen(linkIds, failures);
            Instant now = clock.instant();
            List<LinkCollected> collected = collectAll(chosen, now, heartbeat);
            int vendorCalls = 0;
            long stored = 0;
            long revised = 0;
            for (LinkCollected each : collected) {
                vendorCalls += each.vendorCalls();
                stored += each.stored();
                revised += each.revised();
                each.failure().ifPresent(failures::add);
            }
            return new CollectionRun(startedAt, Optional.of(clock.instant()), false, chosen.size(), vendorCalls,
                    stored, revised, failures);
        }
    }

    /**
     * Extends the lease every third of its length while links are read (pieces run on several threads, hence the
     * lock), so that a run longer than the lease keeps it and a dead holder's lease expires soon.
     */
    private final class Heartbeat {
        private final CollectorLease.Held held;
        private Instant extendedAt;
        private boolean lost;

        Heartbeat(CollectorLease.Held held, Instant takenAt) {
            this.held = held;
            this.extendedAt = takenAt;
        }

        /** False once an extension found the lease lost: the caller must stop reading. */
        synchronized boolean stillHeld() {
            if (lost) {
                return false;
            }
            Instant now = clock.instant();
            if (!now.isBefore(extendedAt.plus(settings.lease().dividedBy(3)))) {
                lost = !held.extend(settings.lease());
                extendedAt = now;
            }
            return !lost;
        }
    }

    /** What collecting one link did; a failed link may have stored some pieces before failing. */
    private record LinkCollected(int vendorCalls, long stored, long revised, Optional<CollectionFailure> failure) {
    }

    private List<Link> chosen(Optional<Set<String>> linkIds, List<CollectionFailure> failures) {
        if (linkIds.isEmpty()) {
            return links.all();
        }
        List<Link> chosen = new ArrayList<>();
        for (String id : linkIds.get().stream().sorted().toList()) {
            links.byId(id).ifPresentOrElse(chosen::add,
                    () -> failures.add(new CollectionFailure(id, "NOT_FOUND", "no link has id \"" + id + "\"")));
        }
        return chosen;
    }

    private List<LinkCollected> collectAll(List<Link> chosen, Instant now, Heartbeat heartbeat) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(settings.parallelLinks(), chosen.size()),
                runnable -> {
                    Thread thread = new Thread(runnable, "trafficlens-collector");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<LinkCollected>> running = new ArrayList<>();
            for (Link link : chosen) {
                running.add(workers.submit(() -> collectGuarded(link, now, heartbeat)));
            }
            List<LinkCollected> collected = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                collected.add(outcomeOf(chosen.get(i), running.get(i)));
            }
            return collected;
        } finally {
            workers.shutdownNow();
        }
    }

    private static LinkCollected outcomeOf(Link link, Future<LinkCollected> running) {
        try {
            return running.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return failed(link, "INTERRUPTED", "the collection was interrupted");
        } catch (ExecutionException bug) {
            return failed(link, "INTERNAL", "collecting failed (" + bug.getCause().getClass().getSimpleName()
                    + ")");
        }
    }

    /** Collects one link; nothing it throws reaches the other links. */
    private LinkCollected collectGuarded(Link link, Instant now, Heartbeat heartbeat) {
        int[] vendorCalls = {0};
        long[] written = {0, 0};
        try {
            Optional<CollectionFailure> failure = collect(link, now, heartbeat, vendorCalls, written);
            failure.ifPresent(failed -> recordFailure(link, failed));
            return new LinkCollected(vendorCalls[0], written[0], written[1], failure);
        } catch (RuntimeException broken) {
            Throwable cause = broken instanceof CompletionException && broken.getCause() != null
                    ? broken.getCause() : broken;
            CollectionFailure failure = cause instanceof ArchiveUnavailableException unavailable
                    ? new CollectionFailure(link.id(), "ARCHIVE_UNAVAILABLE", unavailable.getMessage())
                    : new CollectionFailure(link.id(), "INTERNAL",
                            "collecting failed (" + cause.getClass().getSimpleName() + ")");
            recordFailure(link, failure);
            return new LinkCollected(vendorCalls[0], written[0], written[1], Optional.of(failure));
        }
    }

    /**
     * Reads the link's window piece by piece, oldest first, moving its watermark after each stored piece; stops at
     * the first piece that fails. Counts calls and samples into the arrays as it goes, so a failure keeps them.
     */
    private Optional<CollectionFailure> collect(Link link, Instant now, Heartbeat heartbeat, int[] vendorCalls,
                                                long[] written) {
        SourceLimits limits = link.source().limits();
        if (!limits.nativeSteps().contains(STEP)) {
            return Optional.of(new CollectionFailure(link.id(), "UNSUPPORTED",
                    link.source().id() + " serves no " + STEP + " samples, which the archive keeps"));
        }
        Instant to = STEP.floor(now);
        Instant oldestKept = STEP.ceil(now.minus(limits.retention()
                .map(kept -> kept.minus(EDGE_MARGIN))
                .orElse(settings.backfillWithoutRetention())));
        // A watermark the vendor has since forgotten past (the collector was off longer than its retention) resumes
        // at the oldest sample still kept: asking for less would be refused, and the rest is gone.
        Instant from = link.collectedThrough()
                .map(through -> STEP.floor(through.minus(settings.settle())))
                .filter(resume -> limits.retention().isEmpty() || resume.isAfter(oldestKept))
                .orElse(oldestKept);
        Duration piece = pieceSpan(limits);
        Instant watermark = link.collectedThrough().orElse(Instant.MIN);
        for (Instant start = from; start.isBefore(to); start = start.plus(piece)) {
            if (!heartbeat.stillHeld()) {
                return Optional.of(new CollectionFailure(link.id(), "LEASE_LOST",
                        "the collector's lease expired during the run; the rest is read by the next run"));
            }
            Instant end = start.plus(piece).isBefore(to) ? start.plus(piece) : to;
            TrafficQuery query = new TrafficQuery(Optional.of(link.id()), link.resource(), start, end,
                    Optional.of(STEP), limits.metrics(), Optional.empty());
            TrafficQueryService.Answered answered =
                    service.refresh(List.of(query)).toCompletableFuture().join().get(0);
            vendorCalls[0] += answered.vendorCalls();
            written[0] += answered.written().stored();
            written[1] += answered.written().revised();
            QueryOutcome outcome = answered.outcome();
            if (!outcome.isSuccess()) {
                return Optional.of(failure(link, outcome.errors()));
            }
            if (answered.archiveFailure().isPresent()) {
                return Optional.of(new CollectionFailure(link.id(), "ARCHIVE_UNAVAILABLE",
                        answered.archiveFailure().get()));
            }
            if (end.isAfter(watermark)) {
                links.markCollected(link.id(), end);
                watermark = end;
            }
        }
        return Optional.empty();
    }

    /**
     * The longest window one refresh may read within the service's limits per run: its points per series, and its
     * calls per run at the source's span per call.
     */
    private Duration pieceSpan(SourceLimits limits) {
        QuerySettings limitsPerRun = service.settings();
        Duration byPoints = STEP.duration().multipliedBy(limitsPerRun.maxPointsPerSeries());
        Duration byCalls = limits.maxSpanPerCall().multipliedBy(limitsPerRun.maxCallsPerRun());
        return byPoints.compareTo(byCalls) < 0 ? byPoints : byCalls;
    }

    private static CollectionFailure failure(Link link, List<TrafficError> errors) {
        String code = errors.get(0).kind().name();
        String message = errors.stream().map(TrafficError::message).distinct().collect(Collectors.joining("; "));
        return new CollectionFailure(link.id(), code, message);
    }

    private void recordFailure(Link link, CollectionFailure failure) {
        try {
            links.markFailed(link.id(), failure.code() + ": " + failure.message());
        } catch (RuntimeException unreachable) {
            // The run reports the failure anyway; the link's watermark never moved, so the next run retries it.
        }
    }

    private static LinkCollected failed(Link link, String code, String message) {
        return new LinkCollected(0, 0, 0, Optional.of(new CollectionFailure(link.id(), code, message)));
    }
}
