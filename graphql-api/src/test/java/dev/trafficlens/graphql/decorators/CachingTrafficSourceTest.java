package dev.trafficlens.graphql.decorators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache in front of an adapter: held answers, single flight, and no stuck entry after an adapter's bug. */
class CachingTrafficSourceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final PlannedCall CALL = new PlannedCall(new ZenlayerPrivateConnect("pc-1"),
            TimeWindow.of("2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z"), Step.FIVE_MINUTES,
            Source.ZENLAYER_PRIVATE_CONNECT.limits().metrics());
    private static final CachingTrafficSource.CacheSettings SETTINGS = new CachingTrafficSource.CacheSettings(
            100, Duration.ofHours(6), Duration.ofMinutes(1), Duration.ofMinutes(30));

    private final AtomicInteger fetches = new AtomicInteger();
    private final CompletableFuture<Either<SourceFailure, SourceAnswer>> vendorAnswer = new CompletableFuture<>();

    @Test
    void an_answer_is_held_and_identical_calls_in_flight_share_one_fetch() {
        CachingTrafficSource cache = new CachingTrafficSource(adapter(false), SETTINGS, CLOCK, new SimpleMeterRegistry());

        CompletionStage<Either<SourceFailure, SourceAnswer>> first = cache.fetch(CALL);
        CompletionStage<Either<SourceFailure, SourceAnswer>> second = cache.fetch(CALL);
        assertThat(cache.answered(CALL)).isPresent();
        vendorAnswer.complete(Either.right(new SourceAnswer(List.of(), List.of())));

        assertThat(first.toCompletableFuture().join().isRight()).isTrue();
        assertThat(second.toCompletableFuture().join().isRight()).isTrue();
        assertThat(cache.answered(CALL)).isPresent();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void an_adapter_that_throws_leaves_no_entry_behind() {
        CachingTrafficSource cache = new CachingTrafficSource(adapter(true), SETTINGS, CLOCK, new SimpleMeterRegistry());

        CompletableFuture<Either<SourceFailure, SourceAnswer>> failed = cache.fetch(CALL).toCompletableFuture();

        assertThat(failed).isCompletedExceptionally();
        assertThat(cache.answered(CALL)).isEmpty();
    }

    @Test
    void a_vendor_failure_is_shared_then_dropped() {
        CachingTrafficSource cache = new CachingTrafficSource(adapter(false), SETTINGS, CLOCK, new SimpleMeterRegistry());

        CompletionStage<Either<SourceFailure, SourceAnswer>> first = cache.fetch(CALL);
        vendorAnswer.complete(Either.left(SourceFailure.of(
                ErrorKind.VENDOR_UNAVAILABLE, Source.ZENLAYER_PRIVATE_CONNECT, "down")));

        assertThat(first.toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join().isLeft()).isTrue();
        assertThat(cache.answered(CALL)).isEmpty();
    }

    private TrafficSource adapter(boolean throwing) {
        return new TrafficSource() {
            @Override
            public Set<Source> sources() {
                return Set.of(Source.ZENLAYER_PRIVATE_CONNECT, Source.ZENLAYER_CLOUD_ROUTER);
            }

            @Override
            public CompletionStage<Either<SourceFailure, SourceAnswer>> fetch(PlannedCall call) {
                fetches.incrementAndGet();
                if (throwing) {
                    throw new IllegalStateException("an adapter bug");
                }
                return vendorAnswer;
            }
        };
    }
}
