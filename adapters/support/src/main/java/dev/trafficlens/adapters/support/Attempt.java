package dev.trafficlens.adapters.support;

import dev.trafficlens.domain.model.SourceFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What an adapter made of one HTTP response: a value, a final failure, or a failure worth retrying. */
public sealed interface Attempt<T> {

    static <T> Attempt<T> success(T value) {
        return new Success<>(value);
    }

    static <T> Attempt<T> failure(SourceFailure failure) {
        return new Failure<>(failure);
    }

    /** Network trouble, a server error or throttling: tried again while attempts and the deadline allow. */
    static <T> Attempt<T> retryable(SourceFailure failure) {
        return new Retryable<>(failure);
    }

    /**
     * The value of a success; any failure as an {@link IllegalArgumentException} carrying its message. For reading
     * recorded bodies outside an exchange (benchmarks, replay), where nothing is retried.
     */
    static <T> T valueOf(Attempt<T> attempt) {
        if (attempt instanceof Success<T> success) {
            return success.value();
        }
        SourceFailure failure = attempt instanceof Retryable<T> retryable
                ? retryable.failure()
                : ((Failure<T>) attempt).failure();
        throw new IllegalArgumentException(failure.message());
    }

    record Success<T>(T value) implements Attempt<T> {
    }

    record Failure<T>(SourceFailure failure) implements Attempt<T> {
        public Failure {
            Objects.requireNonNull(failure, "failure");
        }
    }

    record Retryable<T>(SourceFailure failure) implements Attempt<T> {
        public Retryable {
            Objects.requireNonNull(failure, "failure");
        }

        /** How long the vendor asked us to wait, if it did. */
        public Optional<Duration> retryAfter() {
            return failure.retryAfter();
        }
    }
}
