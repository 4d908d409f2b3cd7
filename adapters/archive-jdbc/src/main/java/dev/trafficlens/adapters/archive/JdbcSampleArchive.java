package dev.trafficlens.adapters.archive;

import static dev.trafficlens.adapters.archive.ArchiveFailures.guarded;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceKeys;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.SampleArchive;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sample archive on JDBC: one row per series (resource and metric) and UTC day holding that day's 288 samples
 * ({@link BlockCodec}). A write merges into the stored blocks optimistically: it reads them with their version,
 * merges, and updates only where the version is unchanged; when another writer got there first (a version moved, or
 * a block it meant to insert exists) the whole write is retried, so concurrent writers of one block lose nothing.
 */
public final class JdbcSampleArchive implements SampleArchive {

    private static final Step STEP = SampleArchive.step();
    private static final long DAY_SECONDS = 86_400;
    private static final int SLOTS = BlockCodec.SLOTS;
    private static final int MAX_ATTEMPTS = 50;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private volatile Boolean postgres;

    public JdbcSampleArchive(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.batches = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(batches);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public Map<Metric, TrafficSeries> read(ResourceRef resource, Set<Metric> metrics, TimeWindow window) {
        Map<String, Metric> byName = metrics.stream().collect(Collectors.toMap(Metric::toString, metric -> metric));
        Map<Metric, TrafficSeries.Builder> builders = new LinkedHashMap<>();
        metrics.forEach(metric -> builders.put(metric, TrafficSeries.builder(metric, window, STEP)));
        if (metrics.isEmpty()) {
            return Map.of();
        }
        long windowStart = window.from().getEpochSecond();
        guarded("reading the archive", () -> jdbc.sql("""
                        SELECT s.metric, b.sample_day, b.samples
                        FROM archive_series s JOIN archive_block b ON b.series_id = s.id
                        WHERE s.resource_key = :key AND s.metric IN (:metrics) AND b.sample_day BETWEEN :first AND :last""")
                .param("key", ResourceKeys.key(resource))
                .param("metrics", byName.keySet())
                .param("first", day(window.from()))
                .param("last", day(window.to().minusSeconds(1)))
                .query(rs -> {
                    TrafficSeries.Builder builder = builders.get(byName.get(rs.getString(1)));
                    long dayStart = rs.getObject(2, LocalDate.class).toEpochDay() * DAY_SECONDS;
                    double[] slots = BlockCodec.decode(rs.getBytes(3));
                    for (int slot = 0; slot < SLOTS; slot++) {
                        long index = (dayStart + slot * STEP.seconds() - windowStart) / STEP.seconds();
                        // A remembered gap (NO_SAMPLE) is handed on as such; the builder starts out all NaN.
                        if (index >= 0 && index < builder.size()) {
                            builder.set((int) index, slots[slot]);
                        }
                    }
                }));
        Map<Metric, TrafficSeries> series = new LinkedHashMap<>();
        builders.forEach((metric, builder) -> series.put(metric, builder.build()));
        return series;
    }

    @Override
    public ArchiveWrite write(ResourceRef resource, List<TrafficSeries> series) {
        Map<BlockId, double[]> incoming = blocks(series);
        if (incoming.isEmpty()) {
            return ArchiveWrite.NOTHING;
        }
        String key = ResourceKeys.key(resource);
        return guarded("writing to the archive", () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return transactions.execute(status -> merge(key, incoming));
                } catch (DuplicateKeyException | ConcurrentWrite e) {
                    if (attempt == MAX_ATTEMPTS) {
                        throw new ConcurrencyFailureException("gave up after " + attempt + " concurrent writes", e);
                    }
                }
            }
        });
    }

    @Override
    public long purge(ResourceRef resource) {
        String key = ResourceKeys.key(resource);
        return guarded("purging the archive", () -> transactions.execute(status -> {
            long removed = jdbc.sql("""
                            SELECT COALESCE(SUM(b.present), 0) FROM archive_series s
                            JOIN archive_block b ON b.series_id = s.id WHERE s.resource_key = :key""")
                    .param("key", key).query(Long.class).single();
            jdbc.sql("DELETE FROM archive_block WHERE series_id IN "
                            + "(SELECT id FROM archive_series WHERE resource_key = :key)")
                    .param("key", key).update();
            jdbc.sql("DELETE FROM archive_series WHERE resource_key = :key").param("key", key).update();
            return removed;
        }));
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        LocalDate cutoffDay = day(cutoff);
        int keptFrom = (int) ((cutoff.getEpochSecond() - cutoffDay.toEpochDay() * DAY_SECONDS + STEP.seconds() - 1)
                / STEP.seconds());
        return guarded("purging the archive", () -> transactions.execute(status -> {
            long removed = jdbc.sql("SELECT COALESCE(SUM(present), 0) FROM archive_block WHERE sample_day < :day")
                    .param("day", cutoffDay).query(Long.class).single();
            jdbc.sql("DELETE FROM archive_block WHERE sample_day < :day").param("day", cutoffDay).update();
            if (keptFrom > 0) {
                List<StoredBlock> straddling = jdbc.sql(
                                "SELECT series_id, sample_day, version, samples FROM archive_block WHERE sample_day = :day FOR UPDATE")
                        .param("day", cutoffDay).query(JdbcSampleArchive::storedBlock).list();
                for (StoredBlock block : straddling) {
                    double[] slots = block.slots();
                    int before = BlockCodec.presentCount(slots);
                    boolean cleared = holdsAnything(slots, 0, keptFrom);
                    Arrays.fill(slots, 0, keptFrom, Double.NaN);
                    int after = BlockCodec.presentCount(slots);
                    removed += before - after;
                    if (!holdsAnything(slots, 0, SLOTS)) {
                        jdbc.sql("DELETE FROM archive_block WHERE series_id = :series AND sample_day = :day")
                                .param("series", block.id().seriesId()).param("day", cutoffDay).update();
                    } else if (cleared) {
                        jdbc.sql("""
                                        UPDATE archive_block SET samples = :samples, present = :present,
                                        version = version + 1 WHERE series_id = :series AND sample_day = :day""")
                                .param("samples", BlockCodec.encode(slots)).param("present", after)
                                .param("series", block.id().seriesId()).param("day", cutoffDay).update();
                    }
                }
            }
            return removed;
        }));
    }

    private ArchiveWrite merge(String key, Map<BlockId, double[]> incoming) {
        if (isPostgres()) {
            // A synchronous commit waits for a WAL flush, which would cost a disk sync per link. Samples may commit
            // without it: PostgreSQL flushes WAL in order, so the collector's later synchronous watermark update
            // (LinkStore.markCollected) makes these writes durable first, and a crash loses at most recent writes
            // the next collection repeats, never a sample below a watermark.
            jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
        }
        Set<String> metrics = incoming.keySet().stream().map(BlockId::metric).collect(Collectors.toSet());
        LocalDate first = incoming.keySet().stream().map(BlockId::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = incoming.keySet().stream().map(BlockId::day).max(LocalDate::compareTo).orElseThrow();
        Map<String, Long> seriesIds = new HashMap<>();
        Map<StoredId, StoredBlock> stored = new HashMap<>();
        // One round trip for the resource's series and their stored blocks over the written days.
        jdbc.sql("""
                        SELECT s.metric, s.id, b.sample_day, b.version, b.samples
                        FROM archive_series s LEFT JOIN archive_block b
                        ON b.series_id = s.id AND b.sample_day BETWEEN :first AND :last
                        WHERE s.resource_key = :key""")
                .param("key", key).param("first", first).param("last", last)
                .query(rs -> {
                    seriesIds.put(rs.getString(1), rs.getLong(2));
                    LocalDate day = rs.getObject(3, LocalDate.class);
                    if (day != null) {
                        StoredId id = new StoredId(rs.getLong(2), day);
                        stored.put(id, new StoredBlock(id, rs.getInt(4), rs.getBytes(5)));
                    }
                });
        if (!seriesIds.keySet().containsAll(metrics)) {
            seriesIds.putAll(createSeries(key, metrics, seriesIds.keySet()));
        }

        long newlyStored = 0;
        long revised = 0;
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Map.Entry<BlockId, double[]> entry : incoming.entrySet()) {
            long seriesId = seriesIds.get(entry.getKey().metric());
            LocalDate day = entry.getKey().day();
            double[] values = entry.getValue();
            StoredBlock existing = stored.get(new StoredId(seriesId, day));
            double[] merged = existing == null ? blank() : existing.slots();
            boolean changed = false;
            for (int slot = 0; slot < SLOTS; slot++) {
                double value = values[slot];
                if (SampleArchive.isNoSample(value)) {
                    // Remembered only where nothing is: a stored sample is never replaced by "the vendor had none".
                    if (Double.isNaN(merged[slot]) && !SampleArchive.isNoSample(merged[slot])) {
                        merged[slot] = value;
                        changed = true;
                    }
                    continue;
                }
                if (Double.isNaN(value)) {
                    continue;
                }
                if (Double.isNaN(merged[slot])) {
                    newlyStored++;
                    changed = true;
                } else if (Double.doubleToRawLongBits(merged[slot]) != Double.doubleToRawLongBits(value)) {
                    revised++;
                    changed = true;
                } else {
                    continue;
                }
                merged[slot] = value;
            }
            if (!changed) {
                continue;
            }
            byte[] samples = BlockCodec.encode(merged);
            int present = BlockCodec.presentCount(merged);
            if (existing == null) {
                inserts.add(new Object[] {seriesId, day, present, samples});
            } else {
                updates.add(new Object[] {samples, present, seriesId, day, existing.version()});
            }
        }
        if (!updates.isEmpty()) {
            int[] counts = batches.batchUpdate("""
                    UPDATE archive_block SET samples = ?, present = ?, version = version + 1
                    WHERE series_id = ? AND sample_day = ? AND version = ?""", updates);
            if (Arrays.stream(counts).anyMatch(count -> count == 0)) {
                throw new ConcurrentWrite();
            }
        }
        if (!inserts.isEmpty()) {
            batches.batchUpdate(
                    "INSERT INTO archive_block (series_id, sample_day, present, version, samples) VALUES (?, ?, ?, 0, ?)",
                    inserts);
        }
        return new ArchiveWrite(newlyStored, revised);
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = batches.execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    /** Creates the resource's missing series and returns their ids (a concurrent creation ends in a retry). */
    private Map<String, Long> createSeries(String key, Set<String> metrics, Set<String> existing) {
        List<Object[]> missing = metrics.stream().filter(metric -> !existing.contains(metric))
                .map(metric -> new Object[] {key, metric}).toList();
        batches.batchUpdate("INSERT INTO archive_series (resource_key, metric) VALUES (?, ?)", missing);
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT metric, id FROM archive_series WHERE resource_key = :key")
                .param("key", key)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    /**
     * The incoming samples and remembered gaps cut into UTC days, keyed by metric name and day; days with neither left
     * out.
     */
    private static Map<BlockId, double[]> blocks(List<TrafficSeries> series) {
        Map<BlockId, double[]> blocks = new TreeMap<>();
        for (TrafficSeries one : series) {
            if (!one.step().equals(STEP)) {
                throw new IllegalArgumentException("series: the archive stores " + STEP + " samples, got " + one.step()
                        + " for " + one.metric());
            }
            String metric = one.metric().toString();
            for (int index = 0; index < one.size(); index++) {
                if (!one.isPresent(index) && !SampleArchive.isNoSample(one.valueAt(index))) {
                    continue;
                }
                long time = one.timeAt(index).getEpochSecond();
                LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(time, DAY_SECONDS));
                int slot = (int) (Math.floorMod(time, DAY_SECONDS) / STEP.seconds());
                blocks.computeIfAbsent(new BlockId(metric, day), id -> blank())[slot] = one.valueAt(index);
            }
        }
        return blocks;
    }

    private static StoredBlock storedBlock(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredBlock(new StoredId(rs.getLong(1), rs.getObject(2, LocalDate.class)), rs.getInt(3),
                rs.getBytes(4));
    }

    /** Whether any of {@code slots[from, to)} holds a sample or a remembered gap. */
    private static boolean holdsAnything(double[] slots, int from, int to) {
        for (int slot = from; slot < to; slot++) {
            if (!Double.isNaN(slots[slot]) || SampleArchive.isNoSample(slots[slot])) {
                return true;
            }
        }
        return false;
    }

    private static double[] blank() {
        double[] slots = new double[SLOTS];
        Arrays.fill(slots, Double.NaN);
        return slots;
    }

    private static LocalDate day(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }

    /** An incoming block: a metric's day. Sorted, so concurrent writers touch rows in one order. */
    private record BlockId(String metric, LocalDate day) implements Comparable<BlockId> {
        @Override
        public int compareTo(BlockId other) {
            int byMetric = metric.compareTo(other.metric);
            return byMetric != 0 ? byMetric : day.compareTo(other.day);
        }
    }

    private record StoredId(long seriesId, LocalDate day) {
    }

    private record StoredBlock(StoredId id, int version, byte[] samples) {
        double[] slots() {
            return BlockCodec.decode(samples);
        }
    }

    /** Another writer changed a block between this write's read and its update. */
    private static final class ConcurrentWrite extends RuntimeException {
        ConcurrentWrite() {
            super("a block changed while it was merged", null, false, false);
        }
    }
}
