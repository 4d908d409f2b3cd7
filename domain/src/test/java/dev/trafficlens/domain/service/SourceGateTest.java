package dev.trafficlens.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SourceGateTest {

    /** Where the rate limit has room for every call, time need not pass. */
    private static final LongSupplier STANDING_STILL = () -> 0L;

    @Test
    void starts_at_most_one_periods_permits_at_once_and_the_rest_as_permits_return() {
        AtomicLong now = new AtomicLong();
        List<Long> wakeDelays = new ArrayList<>();
        List<Runnable> wakes = new ArrayList<>();
        SourceGate gate = new SourceGate(100, new RateLimit(5, Duration.ofMillis(200), false), now::get,
                (nanos, wake) -> {
                    wakeDelays.add(nanos);
                    wakes.add(wake);
                });
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
        assertThat(wakeDelays).as("one wake-up, when the next permit is due").containsExactly(
                Duration.ofMillis(40).toNanos());
        now.addAndGet(Duration.ofMillis(40).toNanos());
        runWakes(wakes);
        assertThat(started.get()).as("one permit came back").isEqualTo(6);
        now.addAndGet(Duration.ofHours(1).toNanos());
        runWakes(wakes);
        assertThat(started.get()).as("the bucket holds no more than five however long it waited").isEqualTo(11);
        now.addAndGet(Duration.ofMillis(40).toNanos());
        runWakes(wakes);
        assertThat(started.get()).isEqualTo(12);
        assertThat(wakes).isEmpty();
        assertThat(results).allMatch(CompletableFuture::isDone);
        assertThat(results).extracting(CompletableFuture::join).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    private static void runWakes(List<Runnable> wakes) {
        List<Runnable> due = List.copyOf(wakes);
        wakes.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void a_long_queue_of_calls_that_complete_at_once_does_not_overflow_the_stack() {
        SourceGate gate = new SourceGate(1, RateLimit.assumedPerSecond(1_000_000_000), STANDING_STILL);
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
        SourceGate gate = new SourceGate(1, RateLimit.assumedPerSecond(1000), STANDING_STILL);

        CompletableFuture<Object> failed = gate.submit(() -> {
            throw new IllegalStateException("bug");
        });
        CompletableFuture<String> next = gate.submit(() -> CompletableFuture.completedFuture("ran"));

        assertThat(failed).isCompletedExceptionally();
        assertThat(next.join()).isEqualTo("ran");
    }

    @Test
    void a_waiting_call_no_longer_needed_never_starts_takes_no_permit_and_completes_with_its_replacement() {
        // Two permits and a clock that stands still.
        SourceGate gate = new SourceGate(1, new RateLimit(2, Duration.ofHours(1), false), () -> 0L);
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean pointless = new AtomicBoolean();
        CompletableFuture<String> first = new CompletableFuture<>();

        gate.submit(started("first", started, first));
        CompletableFuture<String> second = gate.submit(started("second", started, new CompletableFuture<>()),
                () -> pointless.get() ? Optional.of("not needed") : Optional.empty(), answer -> false);
        pointless.set(true);
        first.complete("first answered");
        CompletableFuture<String> third = gate.submit(started("third", started, CompletableFuture.completedFuture("ran")));

        assertThat(second).isCompletedWithValue("not needed");
        assertThat(third).as("the second permit was still there").isCompletedWithValue("ran");
        assertThat(started).containsExactly("first", "third");
    }

    @Test
    void what_an_answer_teaches_is_known_before_the_next_waiting_call_starts() {
        SourceGate gate = new SourceGate(1, RateLimit.assumedPerSecond(1_000), STANDING_STILL);
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean resourceUnknown = new AtomicBoolean();
        Supplier<Optional<String>> pointlessOnceUnknown =
                () -> resourceUnknown.get() ? Optional.of("cancelled") : Optional.empty();
        CompletableFuture<String> firstAnswer = new CompletableFuture<>();

        gate.submit(started("first", started, firstAnswer), pointlessOnceUnknown, answer -> {
            resourceUnknown.set(answer.equals("unknown"));
            return resourceUnknown.get();
        });
        CompletableFuture<String> second = gate.submit(started("second", started, new CompletableFuture<>()),
                pointlessOnceUnknown, answer -> false);
        CompletableFuture<String> other = gate.submit(started("other", started, new CompletableFuture<>()));
        CompletableFuture<String> third = gate.submit(started("third", started, new CompletableFuture<>()),
                pointlessOnceUnknown, answer -> false);
        firstAnswer.complete("unknown");

        assertThat(started).containsExactly("first", "other");
        assertThat(other).isNotDone();
        assertThat(second).isCompletedWithValue("cancelled");
        assertThat(third).as("dropped though another call waits before it").isCompletedWithValue("cancelled");
        assertThat(gate.waiting()).isZero();
        assertThat(gate.inFlight()).isEqualTo(1);
    }

    private static Supplier<CompletableFuture<String>> started(
            String name, List<String> started, CompletableFuture<String> answer) {
        return () -> {
            started.add(name);
            return answer;
        };
    }
}
