package dev.trafficlens.adapters.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.AuditEntry;
import dev.trafficlens.domain.port.out.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every AuditLog on JDBC does, run against each database by a subclass. */
abstract class AuditLogContract {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00.123456Z");

    abstract ArchiveDatabase database();

    AuditLog log;

    @BeforeEach
    void noEntries() {
        database().clear();
        log = new JdbcAuditLog(database().dataSource());
    }

    private static AuditEntry entry(int secondsAfterT0, String action, String target, String outcome) {
        return new AuditEntry(T0.plusSeconds(secondsAfterT0), "editor-" + secondsAfterT0, action, target, outcome);
    }

    @Test
    void entries_come_back_as_recorded_newest_first() {
        AuditEntry added = entry(0, "addLink", "lnk_aaaaaaaaaaaaaaaa", "ok");
        AuditEntry failed = entry(60, "updateLink", "lnk_unknown", "NOT_FOUND");
        AuditEntry collected = entry(120, "collect", null, "ok");
        log.record(failed);
        log.record(collected);
        log.record(added);

        assertThat(log.entries(Optional.empty(), Optional.empty(), 100)).containsExactly(collected, failed, added);
    }

    @Test
    void entries_of_one_instant_list_the_one_recorded_last_first() {
        AuditEntry first = new AuditEntry(T0, "a", "addLink", "lnk_1", "ok");
        AuditEntry second = new AuditEntry(T0, "b", "removeLink", "lnk_1", "ok");
        log.record(first);
        log.record(second);

        assertThat(log.entries(Optional.empty(), Optional.empty(), 10)).containsExactly(second, first);
    }

    @Test
    void the_limit_keeps_the_newest() {
        for (int i = 0; i < 5; i++) {
            log.record(entry(i, "removeLink", "lnk_" + i, "ok"));
        }

        assertThat(log.entries(Optional.empty(), Optional.empty(), 2)).extracting(AuditEntry::target)
                .containsExactly("lnk_4", "lnk_3");
        assertThat(log.entries(Optional.empty(), Optional.empty(), 1)).extracting(AuditEntry::target)
                .containsExactly("lnk_4");
        assertThatThrownBy(() -> log.entries(Optional.empty(), Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void from_is_inclusive_to_is_exclusive_and_either_may_be_left_open() {
        for (int i = 0; i < 5; i++) {
            log.record(entry(i * 10, "removeLink", "lnk_" + i, "ok"));
        }
        Optional<Instant> at10 = Optional.of(T0.plusSeconds(10));
        Optional<Instant> at30 = Optional.of(T0.plusSeconds(30));

        assertThat(targets(log.entries(at10, at30, 100))).containsExactly("lnk_2", "lnk_1");
        assertThat(targets(log.entries(at10, Optional.empty(), 100))).containsExactly("lnk_4", "lnk_3", "lnk_2", "lnk_1");
        assertThat(targets(log.entries(Optional.empty(), at30, 100))).containsExactly("lnk_2", "lnk_1", "lnk_0");
        assertThat(targets(log.entries(at30, at30, 100))).isEmpty();
        assertThat(targets(log.entries(at10, at30, 1))).containsExactly("lnk_2");
    }

    @Test
    void fields_at_their_longest_and_microseconds_are_kept() {
        AuditEntry longest = new AuditEntry(Instant.parse("2026-12-01T08:00:00.000001Z"),
                "ü".repeat(AuditEntry.MAX_ACTOR_LENGTH), "a".repeat(AuditEntry.MAX_ACTION_LENGTH),
                "t".repeat(AuditEntry.MAX_TARGET_LENGTH), "O".repeat(AuditEntry.MAX_OUTCOME_LENGTH));
        log.record(longest);

        assertThat(log.entries(Optional.empty(), Optional.empty(), 1)).containsExactly(longest);
    }

    /**
     * Seeded: several threads record a random number of entries each at random instants at once; every entry is kept
     * exactly once, and the read lists them newest first.
     */
    @Test
    void entries_recorded_concurrently_from_several_threads_are_all_kept() throws Exception {
        long seed = 0x5EED_A0D17L;
        Random random = new Random(seed);
        int threads = 6;
        List<List<AuditEntry>> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<AuditEntry> entries = new ArrayList<>();
            int count = 10 + random.nextInt(30);
            for (int i = 0; i < count; i++) {
                entries.add(new AuditEntry(T0.plusMillis(random.nextInt(3_600_000)), "thread-" + t,
                        random.nextBoolean() ? "addLink" : "removeLink", "lnk_" + t + "_" + i,
                        random.nextInt(4) == 0 ? "NOT_FOUND" : "ok"));
            }
            perThread.add(entries);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (List<AuditEntry> entries : perThread) {
                Callable<Void> writer = () -> {
                    start.await();
                    entries.forEach(log::record);
                    return null;
                };
                done.add(pool.submit(writer));
            }
            start.countDown();
            for (Future<Void> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<AuditEntry> written = perThread.stream().flatMap(List::stream).toList();
        List<AuditEntry> read = log.entries(Optional.empty(), Optional.empty(), written.size() + 10);
        assertThat(read).as("seed %s", seed).containsExactlyInAnyOrderElementsOf(written);
        List<Instant> times = read.stream().map(AuditEntry::at).toList();
        List<Instant> newestFirst = new ArrayList<>(times);
        newestFirst.sort(Collections.reverseOrder());
        assertThat(times).as("seed %s", seed).isEqualTo(newestFirst);
        Set<String> targets = new HashSet<>(targets(read));
        assertThat(targets).hasSize(written.size());
    }

    private static List<String> targets(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::target).toList();
    }
}
