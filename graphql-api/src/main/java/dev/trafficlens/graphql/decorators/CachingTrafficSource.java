package dev.trafficlens.graphql.decorators;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * An outbound port in front of an adapter that answers a planned call it has answered before from memory (Caffeine),
 * and sends concurrent identical calls to the vendor once. A window that has closed cannot change, so its answer is
 * kept long; one touching the present is kept briefly. Failures are not kept: the next request asks again.
 */
public final class CachingTrafficSource implements TrafficSource {

    /** The name of the planned-call caches' meters, one cache per adapter, told apart by their {@code sources} tag. */
    public static final String CACHE = "trafficlens.vendor-calls";

    /** How long answers live: closed windows, and windows whose end is within {@code recent} of the present. */
    public record CacheSettings(long maximumCalls, Duration closedWindows, Duration openWindows, Duration recent) {
    }

    private final TrafficSource adapter;
    private final AsyncCache<PlannedCall, Either<SourceFailure, SourceAnswer>> answers;

    CachingTrafficSource(TrafficSource adapter, CacheSettings settings, Clock clock, MeterRegistry registry) {
        this.adapter = adapter;
        this.answers = Caffeine.newBuilder()
                .maximumSize(settings.maximumCalls())
                .recordStats()
                .expireAfter(new Expiry<PlannedCall, Either<SourceFailure, SourceAnswer>>() {
                    @Override
                    public long expireAfterCreate(PlannedCall call, Either<SourceFailure, SourceAnswer> answer,
                                                  long currentTime) {
                        if (answer.isLeft()) {
                            return 0;
                        }
                        boolean open = call.window().to().isAfter(clock.instant().minus(settings.recent()));
                        return (open ? settings.openWindows() : settings.closedWindows()).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(PlannedCall call, Either<SourceFailure, SourceAnswer> answer,
                                                  long currentTime, long currentDuration) {
                        return expireAfterCreate(call, answer, currentTime);
                    }

                    @Override
                    public long expireAfterRead(PlannedCall call, Either<SourceFailure, SourceAnswer> answer,
                                                long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .buildAsync();
        String sources = adapter.sources().stream().map(Source::id).sorted().collect(Collectors.joining(","));
        CaffeineCacheMetrics.monitor(registry, answers, CACHE, List.of(Tag.of("sources", sources)));
    }

    @Override
    public Set<Source> sources() {
        return adapter.sources();
    }

    /** A held or coming answer, which the service hands out without waiting at the source's gate; a hit or a miss. */
    @Override
    public Optional<CompletionStage<Either<SourceFailure, SourceAnswer>>> answered(PlannedCall call) {
        return Optional.ofNullable(answers.getIfPresent(call));
    }

    /** Asks the vendor, unless an identical call is already on its way (then its answer is shared). */
    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        CompletableFuture<Either<SourceFailure, SourceAnswer>> mine = new CompletableFuture<>();
        // The map view neither counts hits and misses (answered() did) nor computes under a lock.
        CompletableFuture<Either<SourceFailure, SourceAnswer>> earlier = answers.asMap().putIfAbsent(call, mine);
        if (earlier != null) {
            return earlier;
        }
        CompletionStage<Either<SourceFailure, SourceAnswer>> fetched;
        try {
            fetched = adapter.fetch(call);
        } catch (RuntimeException bug) {
            // Left in the map, a future nobody completes would hang every later identical call.
            fetched = CompletableFuture.failedFuture(bug);
        }
        fetched.whenComplete((answer, failure) -> {
            if (failure != null) {
                answers.asMap().remove(call, mine);
                mine.completeExceptionally(failure);
                return;
            }
            // A failure is shared by the calls waiting on it, then dropped.
            if (answer.isLeft()) {
                answers.asMap().remove(call, mine);
            }
            mine.complete(answer);
        });
        return mine;
    }

    @Override
    public String toString() {
        return "cached " + adapter;
    }
}
