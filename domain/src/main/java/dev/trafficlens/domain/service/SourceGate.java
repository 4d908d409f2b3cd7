package dev.trafficlens.domain.service;

import dev.trafficlens.domain.model.RateLimit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Lets calls to one source start only while fewer than {@code maxConcurrent} are in flight and the rate limit has a
 * permit (a token bucket holding one period's permits). Waiting calls queue in order; nothing blocks a thread. The
 * domain may use no library, so this small piece of plumbing is written here; adapters add their own per-credential
 * limits with a library.
 */
final class SourceGate {

    private final int maxConcurrent;
    private final double capacity;
    private final double permitsPerNano;
    private final LongSupplier nanoTime;

    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;
    private double tokens;
    private long refilledAt;
    private boolean wakeScheduled;
    private boolean draining;
    private boolean drainAgain;

    SourceGate(int maxConcurrent, RateLimit rateLimit, LongSupplier nanoTime) {
        this.maxConcurrent = maxConcurrent;
        this.capacity = rateLimit.permits();
        this.permitsPerNano = rateLimit.permits() / (double) rateLimit.period().toNanos();
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    <T> CompletableFuture<T> submit(Supplier<? extends CompletionStage<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletionStage<T> stage;
            try {
                stage = call.get();
            } catch (RuntimeException | Error failure) {
                stage = CompletableFuture.failedFuture(failure);
            }
            stage.whenComplete((value, failure) -> {
                synchronized (this) {
                    inFlight--;
                }
                drain();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        };
        synchronized (this) {
            waiting.add(start);
        }
        drain();
        return result;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    /**
     * Starts what may start. Calls that complete at once re-enter here from their own start; the flags turn that
     * recursion into another turn of this loop, so a long queue cannot overflow the stack.
     */
    private void drain() {
        synchronized (this) {
            if (draining) {
                drainAgain = true;
                return;
            }
            draining = true;
        }
        while (true) {
            List<Runnable> ready = new ArrayList<>();
            long wakeInNanos = -1;
            synchronized (this) {
                while (inFlight < maxConcurrent && !waiting.isEmpty()) {
                    refill();
                    if (tokens < 1) {
                        if (!wakeScheduled) {
                            wakeScheduled = true;
                            wakeInNanos = (long) Math.ceil((1 - tokens) / permitsPerNano);
                        }
                        break;
                    }
                    tokens -= 1;
                    inFlight++;
                    ready.add(waiting.poll());
                }
            }
            if (wakeInNanos >= 0) {
                CompletableFuture.delayedExecutor(wakeInNanos, TimeUnit.NANOSECONDS).execute(this::wake);
            }
            ready.forEach(Runnable::run);
            synchronized (this) {
                if (!drainAgain) {
                    draining = false;
                    return;
                }
                drainAgain = false;
            }
        }
    }

    private void wake() {
        synchronized (this) {
            wakeScheduled = false;
        }
        drain();
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * permitsPerNano);
        refilledAt = now;
    }
}
