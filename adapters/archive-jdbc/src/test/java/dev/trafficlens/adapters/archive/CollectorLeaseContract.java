package dev.trafficlens.adapters.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.trafficlens.adapters.support.SettableClock;
import dev.trafficlens.domain.port.out.CollectorLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.ClockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the collector lease does between two replicas (two pools on one database), run on each database. */
abstract class CollectorLeaseContract {

    private static final Duration AT_MOST = Duration.ofMinutes(10);

    abstract ArchiveDatabase database();

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-02T10:00:00Z"));
    private HikariDataSource secondPool;
    private CollectorLease replicaA;
    private CollectorLease replicaB;

    @BeforeEach
    void twoReplicas() {
        database().clear();
        ClockProvider.setClock(clock);
        secondPool = database().newDataSource();
        replicaA = new ShedLockCollectorLease(database().dataSource(), "replica-a");
        replicaB = new ShedLockCollectorLease(secondPool, "replica-b");
    }

    @AfterEach
    void realTimeAgain() {
        ClockProvider.setClock(Clock.systemUTC());
        secondPool.close();
    }

    @Test
    void a_held_lease_is_refused_to_the_other_replica_until_it_is_closed() {
        Optional<CollectorLease.Held> held = replicaA.tryAcquire(AT_MOST);
        assertThat(held).isPresent();

        assertThat(replicaB.tryAcquire(AT_MOST)).isEmpty();
        clock.moveOn(AT_MOST.minusSeconds(1));
        assertThat(replicaB.tryAcquire(AT_MOST)).isEmpty();

        held.get().close();
        Optional<CollectorLease.Held> taken = replicaB.tryAcquire(AT_MOST);
        assertThat(taken).isPresent();
        assertThat(replicaA.tryAcquire(AT_MOST)).isEmpty();
        taken.get().close();
    }

    @Test
    void a_lease_whose_holder_died_is_taken_over_once_it_expires() {
        assertThat(replicaA.tryAcquire(AT_MOST)).isPresent();

        clock.moveOn(AT_MOST.plusSeconds(1));

        assertThat(replicaB.tryAcquire(AT_MOST)).isPresent();
        assertThat(replicaA.tryAcquire(AT_MOST)).isEmpty();
    }

    @Test
    void an_extended_lease_outlives_its_first_expiry_and_is_taken_over_once_the_extension_passes() {
        CollectorLease.Held held = replicaA.tryAcquire(AT_MOST).orElseThrow();
        clock.moveOn(AT_MOST.minusSeconds(60));

        assertThat(held.extend(AT_MOST)).isTrue();
        clock.moveOn(Duration.ofSeconds(120));
        assertThat(replicaB.tryAcquire(AT_MOST)).as("past the first expiry, within the extension").isEmpty();
        assertThat(held.extend(AT_MOST)).as("extended again").isTrue();

        clock.moveOn(AT_MOST.plusSeconds(1));
        Optional<CollectorLease.Held> taken = replicaB.tryAcquire(AT_MOST);
        assertThat(taken).isPresent();
        taken.get().close();
    }

    @Test
    void a_lease_taken_over_cannot_be_extended_and_closing_it_leaves_the_new_holder_alone() {
        CollectorLease.Held stale = replicaA.tryAcquire(AT_MOST).orElseThrow();
        clock.moveOn(AT_MOST.plusSeconds(1));
        CollectorLease.Held taken = replicaB.tryAcquire(AT_MOST).orElseThrow();

        assertThat(stale.extend(AT_MOST)).isFalse();
        stale.close();

        assertThat(replicaA.tryAcquire(AT_MOST)).as("still held by replica B").isEmpty();
        taken.close();
    }
}
