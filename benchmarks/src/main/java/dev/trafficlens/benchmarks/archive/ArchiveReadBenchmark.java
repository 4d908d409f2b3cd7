package dev.trafficlens.benchmarks.archive;

import dev.trafficlens.adapters.archive.JdbcSampleArchive;
import dev.trafficlens.benchmarks.TrafficShapes;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceKeys;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.SampleArchive;
import dev.trafficlens.domain.stats.BillingPercentile;
import dev.trafficlens.domain.stats.BillingRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The read goal: 1,000 links × 30 days (in and out, 17,280,000 five-minute slots) read from PostgreSQL
 * through {@link JdbcSampleArchive}, one read per link as a query for that link makes it, and each link billed
 * ({@code billing95}'s default, the higher direction's p95). Seeded once per trial through the archive's own writer
 * into a schema of its own (dropped afterwards); the seeding also measures storage ({@code pg_total_relation_size}
 * over every {@code archive_*} table ÷ samples stored), printed at the start of the trial.
 * PostgreSQL at {@code TRAFFICLENS_TEST_POSTGRES_URL} (default 127.0.0.1:5432/test, user postgres).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ArchiveReadBenchmark {

    static final int LINKS = 1_000;
    static final int DAYS = 30;
    private static final Instant FIRST_DAY = Instant.parse("2026-01-01T00:00:00Z");
    private static final TimeWindow WINDOW = TimeWindow.of(FIRST_DAY, FIRST_DAY.plus(Duration.ofDays(DAYS)));
    private static final Set<Metric> BIT_RATES = Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT);

    /** How many links are read at once: one by one, or one per core. */
    @Param({"1", "2"})
    public int readers;

    private BenchmarkSchema database;
    private DataSource dataSource;
    private SampleArchive archive;
    private ExecutorService pool;
    private final List<ResourceRef> links = new ArrayList<>();

    @Setup
    public void seed() throws Exception {
        database = BenchmarkSchema.create("archive_bench_");
        dataSource = database.dataSource();
        archive = new JdbcSampleArchive(dataSource);
        SplittableRandom random = new SplittableRandom(30);
        long seedingStarted = System.nanoTime();
        long samples = 0;
        for (int link = 0; link < LINKS; link++) {
            ResourceRef resource = new ZenlayerPrivateConnect("pc-" + link);
            links.add(resource);
            double peak = 1e7 * Math.pow(200, random.nextDouble());
            double[] inbound = TrafficShapes.bitrates(DAYS * TrafficShapes.SAMPLES_PER_DAY, peak, random);
            double[] outbound = TrafficShapes.outboundOf(inbound, peak * 0.3, random);
            samples += archive.write(resource, List.of(
                    TrafficSeries.of(Metric.BITRATE_IN, FIRST_DAY, Step.FIVE_MINUTES, inbound),
                    TrafficSeries.of(Metric.BITRATE_OUT, FIRST_DAY, Step.FIVE_MINUTES, outbound))).stored();
        }
        double seedingSeconds = (System.nanoTime() - seedingStarted) / 1e9;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE archive_block");
            statement.execute("VACUUM ANALYZE archive_series");
            long bytes = totalBytes(statement);
            System.out.printf(Locale.ROOT, "%nseeded %,d samples of %,d links × %d days in %.1f s; on disk %,d bytes "
                            + "over every archive_* table: %.2f bytes a sample%n",
                    samples, LINKS, DAYS, seedingSeconds, bytes, (double) bytes / samples);
        }
        pool = Executors.newFixedThreadPool(readers);
    }

    private long totalBytes(Statement statement) throws SQLException {
        try (ResultSet tables = statement.executeQuery("SELECT SUM(pg_total_relation_size(format('%I.%I', "
                + "table_schema, table_name))) FROM information_schema.tables WHERE table_schema = '" + database.name()
                + "' AND table_name LIKE 'archive\\_%'")) {
            tables.next();
            return tables.getLong(1);
        }
    }

    @TearDown
    public void dropSchema() throws SQLException {
        pool.shutdownNow();
        database.close();
    }

    /** The sum of every link's bill, so that no read or selection can be left out. */
    @Benchmark
    public double readAndBillThirtyDaysOfAThousandLinks() throws Exception {
        List<Future<Double>> bills = new ArrayList<>(readers);
        for (int reader = 0; reader < readers; reader++) {
            int first = reader;
            bills.add(pool.submit(() -> {
                double total = 0;
                for (int link = first; link < LINKS; link += readers) {
                    Map<Metric, TrafficSeries> series = archive.read(links.get(link), BIT_RATES, WINDOW);
                    total += BillingPercentile.p95(series.get(Metric.BITRATE_IN), series.get(Metric.BITRATE_OUT),
                            BillingRule.HIGHER_DIRECTION).orElseThrow();
                }
                return total;
            }));
        }
        double total = 0;
        for (Future<Double> bill : bills) {
            total += bill.get();
        }
        return total;
    }
    /**
     * The database's share of the read above: the statement {@link JdbcSampleArchive#read} runs, each link's blocks
     * fetched as bytes and not decoded, nor billed. What a faster server or a read replica could speed up.
     */
    @Benchmark
    public long fetchTheBlocksOnly() throws Exception {
        List<Future<Long>> fetched = new ArrayList<>(readers);
        for (int reader = 0; reader < readers; reader++) {
            int first = reader;
            fetched.add(pool.submit(() -> {
                long bytes = 0;
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement statement = connection.prepareStatement("SELECT s.metric, b.sample_day, "
                                + "b.samples FROM archive_series s JOIN archive_block b ON b.series_id = s.id "
                                + "WHERE s.resource_key = ? AND s.metric IN (?, ?) AND b.sample_day BETWEEN ? AND ?")) {
                    for (int link = first; link < LINKS; link += readers) {
                        statement.setString(1, ResourceKeys.key(links.get(link)));
                        statement.setString(2, Metric.BITRATE_IN.toString());
                        statement.setString(3, Metric.BITRATE_OUT.toString());
                        statement.setObject(4, LocalDate.ofInstant(WINDOW.from(), ZoneOffset.UTC));
                        statement.setObject(5, LocalDate.ofInstant(WINDOW.to().minusSeconds(1), ZoneOffset.UTC));
                        try (ResultSet blocks = statement.executeQuery()) {
                            while (blocks.next()) {
                                bytes += blocks.getBytes(3).length;
                            }
                        }
                    }
                }
                return bytes;
            }));
        }
        long total = 0;
        for (Future<Long> each : fetched) {
            total += each.get();
        }
        return total;
    }
}
