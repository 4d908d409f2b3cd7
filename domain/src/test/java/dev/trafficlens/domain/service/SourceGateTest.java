package dev.trafficlens.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SourceGateTest {

    @Test
    void starts_at_most_one_periods_permits_at_once_and_the_rest_as_permits_return() {
        SourceGate gate = new SourceGate(100, new RateLimit(5, Duration.ofMillis(200), false), System::nanoTime);
        AtomicInteger started = new AtomicInteger();
        List<CompletableFuture<Integer>> results = new ArrayList<>();

        for (int i = 0; i < 12; i++) {
            int call = i;
            results.add(gate.submit(() -> {
                started.incrementAndGet();
                return CompletableFuture.completedFuture(call);
            }));
        }

        assertThat(started.get()).as("the bucket holds five permits").isEqualTo(5);
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(started.get()).isEqualTo(12);
        assertThat(results).extracting(CompletableFuture::join).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void a_long_queue_of_calls_that_complete_at_once_does_not_overflow_the_stack() {
        SourceGate gate = new SourceGate(1, RateLimit.assumedPerSecond(1_000_000_000), System::nanoTime);
        List<CompletableFuture<Integer>> results = new ArrayList<>();

        for (int i = 0; i < 50_000; i++) {
            int call = i;
            results.add(gate.submit(() -> CompletableFuture.completedFuture(call)));
        }

        assertThat(results).allMatch(CompletableFuture::isDone);
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void a_call_that_throws_releases_its_place() {
        SourceGate gate = new SourceGate(1, RateLimit.assumedPerSecond(1000), System::nanoTime);

        CompletableFuture<Object> failed = gate.submit(() -> {
            throw new IllegalStateException("bug");
        });
        CompletableFuture<String> next = gate.submit(() -> CompletableFuture.completedFuture("ran"));

        assertThat(failed).isCompletedExceptionally();
        assertThat(next.join()).isEqualTo("ran");
    }
}
