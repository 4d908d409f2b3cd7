package dev.trafficlens.adapters.archive;

import dev.trafficlens.adapters.support.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.port.out.CallPermitKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas, each with its own pool and its own {@link PostgresSharedCallPermits}, on one table. Their clock stands
 * still unless a test moves it, so how many permits a bucket can give is exact and no assertion depends on timing.
 */
class PostgresSharedCallPermitsTest {

    @RegisterExtension
    static final PostgresArchiveDatabase DATABASE = new PostgresArchiveDatabase();

    private static final CallPermitKey KEY = CallPermitKey.of(Source.ZENLAYER_PRIVATE_CONNECT, "zenlayer-access-key");
    private static final RateLimit TEN_A_SECOND = RateLimit.documentedPerSecond(10);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T00:00:00Z"));
    private HikariDataSource firstPool;
    private HikariDataSource secondPool;
    private PostgresSharedCallPermits first;
    private PostgresSharedCallPermits second;

    @BeforeEach
    void twoReplicas() {
        DATABASE.clear();
        firstPool = DATABASE.newDataSource();
        secondPool = DATABASE.newDataSource();
        first = new PostgresSharedCallPermits(firstPool, clock);
        second = new PostgresSharedCallPermits(secondPool, clock);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        firstPool.close();
        secondPool.close();
    }

    @Test
    void two_replicas_together_never_take_more_than_the_rate() throws Exception {
        assertThat(grantedOf(200, KEY, TEN_A_SECOND)).isEqualTo(10);

        clock.moveOn(Duration.ofMillis(500));
        assertThat(grantedOf(200, KEY, TEN_A_SECOND)).isEqualTo(5);

        clock.moveOn(Duration.ofMillis(300));
        assertThat(grantedOf(200, KEY, TEN_A_SECOND)).isEqualTo(3);

        clock.moveOn(Duration.ofMinutes(10));
        assertThat(grantedOf(200, KEY, TEN_A_SECOND)).as("a bucket holds one period's permits at most").isEqualTo(10);
    }

    @Test
    void each_credential_and_source_has_a_bucket_of_its_own() throws Exception {
        CallPermitKey otherCredential = CallPermitKey.of(Source.ZENLAYER_PRIVATE_CONNECT, "another-access-key");
        CallPermitKey otherSource = CallPermitKey.of(Source.ZENLAYER_CLOUD_ROUTER, "zenlayer-access-key");

        assertThat(grantedOf(50, KEY, TEN_A_SECOND)).isEqualTo(10);
        assertThat(grantedOf(50, otherCredential, TEN_A_SECOND)).isEqualTo(10);
        assertThat(grantedOf(50, otherSource, RateLimit.documentedPerSecond(3))).isEqualTo(3);
    }

    @Test
    void a_permit_due_within_the_wait_is_granted_when_its_turn_comes() throws Exception {
        assertThat(grantedOf(10, KEY, TEN_A_SECOND)).isEqualTo(10);

        // The clock stands still, so the next permit stays 100 ms away: granted after that wait, on the other replica.
        assertThat(second.acquire(KEY, TEN_A_SECOND, Duration.ofSeconds(5)).toCompletableFuture()
                .get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(grantedOf(10, KEY, TEN_A_SECOND)).as("that permit was the next period's").isZero();
    }

    @Test
    void a_permit_beyond_the_wait_is_refused_at_once_and_takes_nothing() throws Exception {
        RateLimit onePerMinute = new RateLimit(1, Duration.ofMinutes(1), true);
        assertThat(first.acquire(KEY, onePerMinute, Duration.ZERO).toCompletableFuture().get(30, TimeUnit.SECONDS))
                .isTrue();

        assertThat(second.acquire(KEY, onePerMinute, Duration.ofSeconds(2)).toCompletableFuture()
                .get(30, TimeUnit.SECONDS)).isFalse();

        clock.moveOn(Duration.ofMinutes(1));
        assertThat(grantedOf(10, KEY, onePerMinute)).as("the refused call reserved nothing").isEqualTo(1);
    }

    @Test
    void on_h2_the_permits_fail_as_an_unavailable_archive_without_the_drivers_words() throws Exception {
        H2ArchiveDatabase h2 = new H2ArchiveDatabase();
        try (HikariDataSource pool = h2.newDataSource();
                PostgresSharedCallPermits permits = new PostgresSharedCallPermits(pool, clock)) {
            CompletableFuture<Boolean> permit = permits.acquire(KEY, TEN_A_SECOND, Duration.ZERO).toCompletableFuture();

            assertThat(permit).failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(ArchiveUnavailableException.class)
                    .withMessageStartingWith("taking a shared call permit failed: ")
                    .withMessageNotContaining("jdbc:");
        }
    }

    /** Asks {@code attempts} times without waiting, alternately on each replica, all at once; counts the grants. */
    private int grantedOf(int attempts, CallPermitKey key, RateLimit rate) throws Exception {
        List<CompletableFuture<Boolean>> permits = new ArrayList<>();
        for (int attempt = 0; attempt < attempts; attempt++) {
            permits.add((attempt % 2 == 0 ? first : second).acquire(key, rate, Duration.ZERO).toCompletableFuture());
        }
        int granted = 0;
        for (CompletableFuture<Boolean> permit : permits) {
            granted += permit.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        return granted;
    }
}
