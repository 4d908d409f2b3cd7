package dev.trafficlens.adapters.archive;

import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.port.out.CallPermitKey;
import dev.trafficlens.domain.port.out.SharedCallPermits;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * {@link SharedCallPermits} on PostgreSQL: one Bucket4j token bucket per {@link CallPermitKey}, a row of
 * {@code archive_call_permit} that every replica updates under {@code SELECT … FOR UPDATE}, so the replicas together
 * never take more than the rate. A permit is reserved in the bucket (at once, if the bucket cannot supply it within
 * the wait, nothing is taken) and the caller is released when its turn comes; the database work and the wait run on
 * this class's own two threads, never the caller's. PostgreSQL only (Bucket4j's {@code INSERT … ON CONFLICT}); an H2
 * archive belongs to one process, which uses {@link SharedCallPermits#unshared()}.
 *
 * <p>Refill is judged by the replica's clock, as the collector lease is: replicas need synchronised clocks. A bucket
 * holds at most one period's permits, so a quiet fleet may start with a burst of that size, as the vendors allow.
 * Close it to stop its threads.
 */
public final class PostgresSharedCallPermits implements SharedCallPermits, AutoCloseable {

    /** The table of migration V2. */
    static final String TABLE = "archive_call_permit";

    private final ProxyManager<String> buckets;
    private final ScheduledExecutorService workers;

    public PostgresSharedCallPermits(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** {@code clock} decides how far each bucket has refilled; the tests move it by hand. */
    public PostgresSharedCallPermits(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(clock, "clock");
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .clientClock(timeMeterOf(clock))
                .build();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "trafficlens-call-permits-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public CompletionStage<Boolean> acquire(CallPermitKey key, RateLimit rate, Duration longestWait) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rate, "rate");
        if (longestWait.isNegative()) {
            throw new IllegalArgumentException("longestWait: expected zero or more, got " + longestWait);
        }
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(rate.permits()).refillGreedy(rate.permits(), rate.period()))
                .build();
        return CompletableFuture.supplyAsync(() -> {
            try {
                var bucket = buckets.builder().build(key.value(), () -> configuration);
                // Bucket4j's scheduler refuses a zero wait; a zero wait is a plain try.
                return longestWait.isZero() ? CompletableFuture.completedFuture(bucket.tryConsume(1))
                        : bucket.asScheduler().tryConsume(1, longestWait, workers);
            } catch (RuntimeException e) {
                throw ArchiveFailures.unavailable("taking a shared call permit", e);
            }
        }, workers).thenCompose(Function.identity());
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static TimeMeter timeMeterOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @Override
    public String toString() {
        return "shared call permits in PostgreSQL table " + TABLE;
    }
}
