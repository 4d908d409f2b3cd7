package dev.trafficlens.adapters.support;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends one logical request to a vendor and turns whatever happens into a value: retries network errors, timeouts,
 * server errors and throttling with jittered exponential backoff (resilience4j), honours Retry-After, keeps every
 * credential within its rate limit across all adapters of the process, gives up at the policy's deadline, and stops
 * calling a source for a while when most of its recent calls failed (a circuit breaker per source).
 * Failures never carry a URL, a header or an exception message, so no signature or key can leak through them.
 */
public final class VendorExchange {

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "trafficlens-vendor-retries");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpClient client;
    private final HttpSettings settings;
    private final String credentialKey;
    /** What the breakers measure their open time with. */
    private final Clock clock;
    /** One breaker per source this exchange serves: a vendor down for one product may still serve another. */
    private final ConcurrentMap<Source, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    /**
     * @param credentialKey names the credential for rate limiting (with the source: one limiter per account and API
     *                      action), such as {@code zenlayer:<access key id>}; it is an identifier, never the secret
     */
    public VendorExchange(HttpSettings settings, String credentialKey) {
        this(settings, credentialKey, Clock.systemUTC());
    }

    /**
     * @param clock what the circuit breakers measure their open time with: the adapter's clock, so that a test moves
     *              it on instead of waiting for an open circuit to let calls through again
     */
    public VendorExchange(HttpSettings settings, String credentialKey, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.credentialKey = credentialKey;
    }

    private RateLimiter rateLimiterFor(Source source) {
        return RateLimiters.SHARED.forAction(credentialKey, source, settings.rateLimit(), settings.retryPolicy().deadline());
    }

    public HttpSettings settings() {
        return settings;
    }

    /**
     * Sends the request {@code request} builds (called again for every attempt, so each is signed afresh) and reads
     * each response with {@code interpret}.
     */
    public <T> CompletableFuture<Either<SourceFailure, T>> send(
            Source source, Supplier<HttpRequest.Builder> request, Function<HttpResponse<byte[]>, Attempt<T>> interpret) {
        if (!settings.circuitBreaker().enabled()) {
            return sendWithRetries(source, request, interpret);
        }
        CircuitBreaker breaker = breakers.computeIfAbsent(source, this::breakerFor);
        if (!breaker.tryAcquirePermission()) {
            Duration pause = settings.circuitBreaker().openFor();
            return CompletableFuture.completedFuture(Either.left(SourceFailure.of(ErrorKind.VENDOR_UNAVAILABLE, source,
                    source.id() + " failed " + Math.round(breaker.getMetrics().getFailureRate()) + " % of its last "
                            + breaker.getMetrics().getNumberOfBufferedCalls() + " calls: calls to it are paused (circuit "
                            + "open) and tried again within " + pause.toSeconds() + " s").withRetryAfter(pause)));
        }
        long started = System.nanoTime();
        return this.<T>sendWithRetries(source, request, interpret).whenComplete((outcome, bug) -> {
            long took = System.nanoTime() - started;
            if (outcome != null && outcome.isLeft() && isVendorTrouble(outcome.getLeft().kind())) {
                breaker.onError(took, TimeUnit.NANOSECONDS, new VendorTrouble(outcome.getLeft().kind()));
            } else if (bug != null) {
                breaker.onError(took, TimeUnit.NANOSECONDS, bug);
            } else {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            }
        });
    }

    /** Unreachable, failing or unreadable: the vendor's trouble, not the caller's (unknown resource, keys, quota). */
    private static boolean isVendorTrouble(ErrorKind kind) {
        return kind == ErrorKind.VENDOR_UNAVAILABLE || kind == ErrorKind.MALFORMED_RESPONSE;
    }

    /** What the breaker records for a failed call; it never leaves this class. */
    private static final class VendorTrouble extends RuntimeException {
        VendorTrouble(ErrorKind kind) {
            super(kind.name(), null, false, false);
        }
    }

    private CircuitBreaker breakerFor(Source source) {
        CircuitBreakerPolicy policy = settings.circuitBreaker();
        CircuitBreaker breaker = CircuitBreaker.of(source.id(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.windowCalls())
                .minimumNumberOfCalls(policy.minimumCalls())
                .failureRateThreshold(policy.failureRatePercent())
                .waitDurationInOpenState(policy.openFor())
                .permittedNumberOfCallsInHalfOpenState(policy.trialCalls())
                .clock(clock)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            try {
                settings.listener().circuitChanged(source, event.getStateTransition().getToState().name());
            } catch (RuntimeException ignored) {
                // Metrics must never fail a vendor call.
            }
        });
        return breaker;
    }

    private <T> CompletableFuture<Either<SourceFailure, T>> sendWithRetries(
            Source source, Supplier<HttpRequest.Builder> request, Function<HttpResponse<byte[]>, Attempt<T>> interpret) {
        RetryPolicy policy = settings.retryPolicy();
        long deadline = System.nanoTime() + policy.deadline().toNanos();
        AtomicInteger attempts = new AtomicInteger();
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                policy.initialBackoff(), policy.multiplier(), 0.5, policy.maxBackoff());
        RetryConfig config = RetryConfig.<Attempt<T>>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnResult(attempt -> attempt instanceof Attempt.Retryable<T> retryable
                        && System.nanoTime() + retryable.retryAfter().orElse(Duration.ZERO).toNanos() < deadline)
                .retryOnException(failure -> isTransient(failure) && System.nanoTime() < deadline)
                .intervalBiFunction((attempt, outcome) -> outcome.isRight()
                        && outcome.get() instanceof Attempt.Retryable<T> retryable
                        && retryable.retryAfter().isPresent()
                        ? retryable.retryAfter().get().toMillis()
                        : backoff.apply(attempt))
                .failAfterMaxAttempts(false)
                .build();
        Retry retry = Retry.of(source.id(), config);
        CompletionStage<Attempt<T>> outcome = retry.executeCompletionStage(SCHEDULER,
                () -> attemptOnce(source, request, interpret, attempts));
        long remaining = Math.max(1, deadline - System.nanoTime());
        return outcome.toCompletableFuture()
                .orTimeout(remaining, TimeUnit.NANOSECONDS)
                .handle((attempt, failure) -> settle(source, attempt, failure, attempts.get()));
    }

    private <T> CompletionStage<Attempt<T>> attemptOnce(
            Source source,
            Supplier<HttpRequest.Builder> request,
            Function<HttpResponse<byte[]>, Attempt<T>> interpret,
            AtomicInteger attempts) {
        RateLimiter limiter = rateLimiterFor(source);
        long wait = limiter.reservePermission();
        if (wait < 0) {
            RateLimiterConfig limit = limiter.getRateLimiterConfig();
            return CompletableFuture.completedFuture(Attempt.failure(SourceFailure.of(ErrorKind.RATE_LIMITED, source,
                    source.id() + ": the client-side limit of " + limit.getLimitForPeriod() + " calls per "
                            + limit.getLimitRefreshPeriod().toMillis() + " ms for this credential and API has no room "
                            + "before the deadline")));
        }
        CompletableFuture<Void> permitted = wait == 0
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS));
        return permitted.thenCompose(ready -> {
            int attempt = attempts.incrementAndGet();
            HttpRequest built = request.get().timeout(settings.requestTimeout()).build();
            long sent = System.nanoTime();
            return client.sendAsync(built, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) ->
                    tell(source, attempt, Duration.ofNanos(System.nanoTime() - sent),
                            response == null ? OptionalInt.empty() : OptionalInt.of(response.statusCode())));
        }).thenApply(response -> {
            try {
                return interpret.apply(response);
            } catch (RuntimeException bug) {
                return Attempt.<T>failure(SourceFailure.of(ErrorKind.MALFORMED_RESPONSE, source,
                        source.id() + " answered HTTP " + response.statusCode() + " in a shape the adapter could not "
                                + "read (" + bug.getClass().getSimpleName() + ")"));
            }
        });
    }

    private void tell(Source source, int attempt, Duration took, OptionalInt status) {
        try {
            settings.listener().attemptEnded(source, attempt, took, status);
        } catch (RuntimeException ignored) {
            // Metrics must never fail a vendor call.
        }
    }

    private <T> Either<SourceFailure, T> settle(Source source, Attempt<T> attempt, Throwable failure, int attempts) {
        if (failure != null) {
            Throwable cause = unwrap(failure);
            String host = settings.hostHeader();
            String what = cause instanceof TimeoutException
                    ? "gave no answer within the " + settings.retryPolicy().deadline().toSeconds() + " s deadline"
                    : cause instanceof HttpTimeoutException
                    ? "did not answer within " + settings.requestTimeout().toMillis() + " ms"
                    : unreachable(cause);
            return Either.left(SourceFailure.of(ErrorKind.VENDOR_UNAVAILABLE, source,
                    source.id() + " at " + host + " " + what + after(attempts)));
        }
        if (attempt instanceof Attempt.Success<T> success) {
            return Either.right(success.value());
        }
        SourceFailure reported = attempt instanceof Attempt.Retryable<T> retryable
                ? retryable.failure()
                : ((Attempt.Failure<T>) attempt).failure();
        return Either.left(attempts > 1 ? reported.withMessage(reported.message() + after(attempts)) : reported);
    }

    /** What went wrong on the wire, in words: the exception's name would mean nothing to the user. */
    private static String unreachable(Throwable cause) {
        if (cause instanceof java.net.ConnectException) {
            return "refused the connection";
        }
        if (cause instanceof java.nio.channels.UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
            return "could not be found (the host name does not resolve)";
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return "failed the TLS handshake";
        }
        if (cause instanceof IOException) {
            return "closed the connection without an answer";
        }
        return "could not be reached";
    }

    private static String after(int attempts) {
        return attempts > 1 ? " (gave up after " + attempts + " attempts)" : "";
    }

    private static boolean isTransient(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof IOException;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
