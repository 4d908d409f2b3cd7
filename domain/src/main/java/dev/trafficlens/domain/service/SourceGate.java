package dev.trafficlens.domain.service;

import dev.trafficlens.domain.model.RateLimit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Lets calls to one source start only while fewer than {@code maxConcurrent} are in flight and the rate limit has a
 * permit (a token bucket holding one period's permits). Waiting calls queue in order; nothing blocks a thread. The
 * domain may use no library, so this small piece of plumbing is written here; adapters add their own per-credential
 * limits with a library.
 *
 * <p>A waiting call may turn out not to be needed (another call's answer already tells what it would answer): it is
 * then never started, takes neither a place nor a permit, and completes with the value it was given instead.
 */
final class SourceGate {

    private final int maxConcurrent;
    private final double capacity;
    private final double permitsPerNano;
    private final LongSupplier nanoTime;
    private final Wakes wakes;

    private final ArrayDeque<Waiting<?>> waiting = new ArrayDeque<>();
    private int inFlight;
    private double tokens;
    private long refilledAt;
    private boolean wakeScheduled;
    private boolean draining;
    private boolean drainAgain;

    SourceGate(int maxConcurrent, RateLimit rateLimit, LongSupplier nanoTime) {
        this(maxConcurrent, rateLimit, nanoTime, Wakes.LATER);
    }

    /** With {@code wakes}, a test runs the wake-ups itself at the time it chose instead of waiting for them. */
    SourceGate(int maxConcurrent, RateLimit rateLimit, LongSupplier nanoTime, Wakes wakes) {
        this.maxConcurrent = maxConcurrent;
        this.wakes = wakes;
        this.capacity = rateLimit.permits();
        this.permitsPerNano = rateLimit.permits() / (double) rateLimit.period().toNanos();
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** How the gate asks to look at its queue again once the next permit is due. */
    interface Wakes {

        Wakes LATER = (nanos, wake) -> CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS).execute(wake);

        void after(long nanos, Runnable wake);
    }

    <T> CompletableFuture<T> submit(Supplier<? extends CompletionStage<T>> call) {
        return submit(call, Optional::empty, answer -> false);
    }

    /**
     * @param call     starts the call when its turn comes
     * @param instead  asked while the call waits: a value means the call is no longer needed and completes with it
     * @param answered told each answer before the call's place is released, so that what the answer teaches is known
     *                 before the next waiting call starts; true when it may have made waiting calls unneeded, which
     *                 are then asked again
     */
    <T> CompletableFuture<T> submit(
            Supplier<? extends CompletionStage<T>> call, Supplier<Optional<T>> instead, Predicate<? super T> answered) {
        Waiting<T> entry = new Waiting<>(call, instead, answered);
        synchronized (this) {
            waiting.add(entry);
        }
        drain();
        return entry.result;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    /** A call in the queue, and what it completes. */
    private final class Waiting<T> {

        final Supplier<? extends CompletionStage<T>> call;
        final Supplier<Optional<T>> instead;
        final Predicate<? super T> answered;
        final CompletableFuture<T> result = new CompletableFuture<>();
        /** Set, under the gate's lock, once {@link #instead} said the call is not needed. */
        T replacement;

        Waiting(Supplier<? extends CompletionStage<T>> call, Supplier<Optional<T>> instead,
                Predicate<? super T> answered) {
            this.call = call;
            this.instead = instead;
            this.answered = answered;
        }

        /** Asked under the gate's lock. */
        boolean unneeded() {
            Optional<T> value = instead.get();
            value.ifPresent(found -> replacement = found);
            return value.isPresent();
        }

        void completeInstead() {
            result.complete(replacement);
        }

        void start() {
            CompletionStage<T> stage;
            try {
                stage = call.get();
            } catch (RuntimeException | Error failure) {
                stage = CompletableFuture.failedFuture(failure);
            }
            stage.whenComplete((value, failure) -> {
                boolean askAgain = false;
                try {
                    askAgain = failure == null && answered.test(value);
                } finally {
                    List<Waiting<?>> unneeded = new ArrayList<>();
                    synchronized (SourceGate.this) {
                        inFlight--;
                        if (askAgain) {
                            waiting.removeIf(entry -> entry.unneeded() && unneeded.add(entry));
                        }
                    }
                    unneeded.forEach(Waiting::completeInstead);
                    drain();
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(value);
                    }
                }
            });
        }
    }

    /**
     * Starts what may start, one call at a time, so that each is asked whether it is still needed right before it
     * starts. Calls that complete at once re-enter here from their own start; the flags turn that recursion into
     * another turn of this loop, so a long queue cannot overflow the stack.
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
            Waiting<?> next = null;
            List<Waiting<?>> unneeded = new ArrayList<>();
            long wakeInNanos = -1;
            synchronized (this) {
                while (!waiting.isEmpty()) {
                    if (waiting.peek().unneeded()) {
                        unneeded.add(waiting.poll());
                        continue;
                    }
                    if (inFlight >= maxConcurrent) {
                        break;
                    }
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
                    next = waiting.poll();
                    break;
                }
            }
            if (wakeInNanos >= 0) {
                wakes.after(wakeInNanos, this::wake);
            }
            unneeded.forEach(Waiting::completeInstead);
            if (next != null) {
                next.start();
                continue;
            }
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
