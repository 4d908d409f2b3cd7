package dev.trafficlens.graphql.decorators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.port.out.CallPermitKey;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SharedCallPermits;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared permit in front of an adapter: taken per vendor call, never per cached answer, bounded, fail-open. */
class SharedRateLimitedTrafficSourceTest {

    private static final String ACCESS_KEY_ID = "zenlayer-access-key-id-0001";
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);
    private static final RateLimit PRIVATE_CONNECT_RATE = RateLimit.configuredPerSecond(4);
    private static final PlannedCall CALL = new PlannedCall(new ZenlayerPrivateConnect("pc-1"),
            TimeWindow.of("2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z"), Step.FIVE_MINUTES,
            Source.ZENLAYER_PRIVATE_CONNECT.limits().metrics());
    private static final PlannedCall ROUTER_CALL = new PlannedCall(new ZenlayerCloudRouterDcPair("cr-1", "dc-a", "dc-b"),
            TimeWindow.of("2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z"), Step.FIVE_MINUTES,
            Source.ZENLAYER_CLOUD_ROUTER.limits().metrics());

    private final AtomicInteger vendorCalls = new AtomicInteger();
    private final List<Request> requests = new ArrayList<>();
    private final List<CompletableFuture<Boolean>> pending = new ArrayList<>();

    private record Request(CallPermitKey key, RateLimit rate, Duration longestWait) {
    }

    @Test
    void a_granted_permit_lets_the_call_through_under_the_key_of_its_source_and_credential() {
        TrafficSource limited = limited(scriptedPermits());

        CompletableFuture<Either<SourceFailure, SourceAnswer>> privateConnect = limited.fetch(CALL).toCompletableFuture();
        CompletableFuture<Either<SourceFailure, SourceAnswer>> router = limited.fetch(ROUTER_CALL).toCompletableFuture();
        assertThat(vendorCalls).as("no vendor call before its permit").hasValue(0);
        pending.forEach(permit -> permit.complete(true));

        assertThat(privateConnect.join().isRight()).isTrue();
        assertThat(router.join().isRight()).isTrue();
        assertThat(vendorCalls).hasValue(2);
        assertThat(requests).containsExactly(
                new Request(CallPermitKey.of(Source.ZENLAYER_PRIVATE_CONNECT, ACCESS_KEY_ID), PRIVATE_CONNECT_RATE,
                        LONGEST_WAIT),
                new Request(CallPermitKey.of(Source.ZENLAYER_CLOUD_ROUTER, ACCESS_KEY_ID),
                        Source.ZENLAYER_CLOUD_ROUTER.limits().rateLimit(), LONGEST_WAIT));
    }

    @Test
    void no_permit_within_the_wait_fails_the_call_as_rate_limited_without_calling_the_vendor() {
        TrafficSource limited = limited(scriptedPermits());

        CompletableFuture<Either<SourceFailure, SourceAnswer>> answer = limited.fetch(CALL).toCompletableFuture();
        pending.get(0).complete(false);

        SourceFailure failure = answer.join().getLeft();
        assertThat(failure.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(failure.source()).isEqualTo(Source.ZENLAYER_PRIVATE_CONNECT);
        assertThat(failure.message()).contains("2000 ms").contains("4.0 calls/s").doesNotContain(ACCESS_KEY_ID);
        assertThat(failure.retryAfter()).contains(Duration.ofMillis(250));
        assertThat(vendorCalls).hasValue(0);
    }

    @Test
    void a_permit_store_that_cannot_be_reached_lets_the_call_go_to_the_vendor() {
        SharedCallPermits broken = (key, rate, wait) ->
                CompletableFuture.failedFuture(new ArchiveUnavailableException("taking a shared call permit failed: X", null));
        SharedCallPermits throwing = (key, rate, wait) -> {
            throw new ArchiveUnavailableException("taking a shared call permit failed: Y", null);
        };

        assertThat(limited(broken).fetch(CALL).toCompletableFuture().join().isRight()).isTrue();
        assertThat(limited(throwing).fetch(CALL).toCompletableFuture().join().isRight()).isTrue();
        assertThat(vendorCalls).hasValue(2);
    }

    @Test
    void a_permit_store_that_never_answers_holds_the_call_no_longer_than_the_wait_and_the_allowance() {
        SharedCallPermits hanging = (key, rate, wait) -> new CompletableFuture<>();
        TrafficSource limited = new SharedRateLimitedTrafficSource(adapter(), hanging, ACCESS_KEY_ID,
                source -> source.limits().rateLimit(), Duration.ZERO);

        CompletableFuture<Either<SourceFailure, SourceAnswer>> answer = limited.fetch(CALL).toCompletableFuture();

        assertThat(answer).succeedsWithin(Duration.ofSeconds(30)).matches(Either::isRight);
        assertThat(vendorCalls).hasValue(1);
    }

    @Test
    void answers_the_cache_holds_take_no_permit() {
        SharedCallPermits granting = (key, rate, wait) -> {
            requests.add(new Request(key, rate, wait));
            return CompletableFuture.completedFuture(true);
        };
        CachingTrafficSource cache = new CachingTrafficSource(limited(granting), new CachingTrafficSource.CacheSettings(
                100, Duration.ofHours(6), Duration.ofMinutes(1), Duration.ofMinutes(30)),
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry());

        for (int i = 0; i < 5; i++) {
            assertThat(cache.fetch(CALL).toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join().isRight()).isTrue();
        }

        assertThat(requests).hasSize(1);
        assertThat(vendorCalls).hasValue(1);
    }

    private SharedCallPermits scriptedPermits() {
        return (key, rate, wait) -> {
            requests.add(new Request(key, rate, wait));
            CompletableFuture<Boolean> permit = new CompletableFuture<>();
            pending.add(permit);
            return permit;
        };
    }

    private TrafficSource limited(SharedCallPermits permits) {
        return new SharedRateLimitedTrafficSource(adapter(), permits, ACCESS_KEY_ID,
                source -> source == Source.ZENLAYER_PRIVATE_CONNECT ? PRIVATE_CONNECT_RATE : source.limits().rateLimit(),
                LONGEST_WAIT);
    }

    private TrafficSource adapter() {
        return new TrafficSource() {
            @Override
            public Set<Source> sources() {
                return Set.of(Source.ZENLAYER_PRIVATE_CONNECT, Source.ZENLAYER_CLOUD_ROUTER);
            }

            @Override
            public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
                vendorCalls.incrementAndGet();
                return CompletableFuture.completedFuture(Either.right(new SourceAnswer(List.of(), List.of())));
            }
        };
    }
}
