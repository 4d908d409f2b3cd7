package dev.trafficlens.graphql.decorators;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.port.out.CallPermitKey;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SharedCallPermits;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Takes a permit shared by every replica ({@link SharedCallPermits}) before each call reaches the adapter, so one
 * credential's calls to one vendor API stay within the vendor's rate across the fleet. It sits right in front of the
 * adapter, behind the cache: answers the cache holds take no permit. A permit not granted within
 * {@code longestWait} ends the call with a {@code RATE_LIMITED} failure; the wait never holds a thread. Where the
 * permits' store cannot be reached, or has not answered {@link #STORE_ALLOWANCE} after the wait, the call goes ahead (the process's own rate limiter still holds it), since a
 * database outage must not stop queries answered from vendors.
 */
public final class SharedRateLimitedTrafficSource implements TrafficSource {

    /**
     * How long past {@code longestWait} the permits' store may take to answer before the call goes ahead without a
     * shared permit: a store that hangs must not hold calls longer than the wait promised.
     */
    static final Duration STORE_ALLOWANCE = Duration.ofSeconds(1);

    private final TrafficSource next;
    private final SharedCallPermits permits;
    private final Map<Source, CallPermitKey> keys = new EnumMap<>(Source.class);
    private final Function<Source, RateLimit> rateOf;
    private final Duration longestWait;

    /**
     * @param accessKeyId the public half of the adapter's key pair (only its hash is kept, in {@link CallPermitKey})
     * @param rateOf the rate each of {@code next}'s sources is limited to: the account's configured
     *               {@code rate-limit}, else the source's documented one
     * @param longestWait how long a call may wait for its permit before it fails as rate limited
     */
    SharedRateLimitedTrafficSource(TrafficSource next, SharedCallPermits permits, String accessKeyId,
                                   Function<Source, RateLimit> rateOf, Duration longestWait) {
        this.next = Objects.requireNonNull(next, "next");
        this.permits = Objects.requireNonNull(permits, "permits");
        this.rateOf = Objects.requireNonNull(rateOf, "rateOf");
        this.longestWait = Objects.requireNonNull(longestWait, "longestWait");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        next.sources().forEach(source -> keys.put(source, CallPermitKey.of(source, accessKeyId)));
    }

    @Override
    public Set<Source> sources() {
        return next.sources();
    }

    @Override
    public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
        Source source = call.source();
        CallPermitKey key = keys.get(source);
        if (key == null) {
            return next.fetch(call);
        }
        RateLimit rate = rateOf.apply(source);
        CompletionStage<Boolean> permit;
        try {
            permit = permits.acquire(key, rate, longestWait);
        } catch (RuntimeException storeFailure) {
            permit = CompletableFuture.failedFuture(storeFailure);
        }
        long bound = longestWait.plus(STORE_ALLOWANCE).toNanos();
        return permit.toCompletableFuture().copy().orTimeout(bound, TimeUnit.NANOSECONDS)
                .handle((granted, storeFailure) -> storeFailure != null || granted)
                .thenCompose(proceed -> proceed ? next.fetch(call)
                        : CompletableFuture.completedFuture(Either.left(refused(source, rate))));
    }

    @Override
    public Optional<CompletionStage<Either<SourceFailure, SourceAnswer>>> answered(PlannedCall call) {
        return next.answered(call);
    }

    private SourceFailure refused(Source source, RateLimit rate) {
        return SourceFailure.of(ErrorKind.RATE_LIMITED, source, "no call permit for " + source.id() + " within "
                        + longestWait.toMillis() + " ms: the replicas sharing this credential are at its rate limit of "
                        + rate.perSecond() + " calls/s")
                .withRetryAfter(rate.interval());
    }

    @Override
    public String toString() {
        return "shared-rate-limited " + next;
    }
}
