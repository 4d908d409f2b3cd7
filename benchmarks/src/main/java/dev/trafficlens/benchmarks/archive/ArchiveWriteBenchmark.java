package dev.trafficlens.benchmarks.archive;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.trafficlens.adapters.archive.JdbcSampleArchive;
import dev.trafficlens.benchmarks.TrafficShapes;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.SampleArchive;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
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
 * The archive's share of the write goal: one day of 1,000 links (in and out, 576,000 samples) written
 * through {@link JdbcSampleArchive}, one write per link as the collector makes them, each invocation a new day (new
 * blocks). PostgreSQL at {@code TRAFFICLENS_TEST_POSTGRES_URL} (default 127.0.0.1:5432/test, user postgres) in a
 * schema of its own, dropped afterwards; H2 in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ArchiveWriteBenchmark {

    private static final int LINKS = 1_000;
    private static final Instant FIRST_DAY = Instant.parse("2026-01-01T00:00:00Z");

    @Param({"postgresql", "h2"})
    public String database;

    private String postgresUrl;
    private String schema;
    private HikariDataSource dataSource;
    private SampleArchive archive;
    private double[][] inbound;
    private double[][] outbound;
    private int day;

    @Setup
    public void connectAndMigrate() throws SQLException {
        HikariConfig config = new HikariConfig();
        if (database.equals("postgresql")) {
            postgresUrl = Optional.ofNullable(System.getenv("TRAFFICLENS_TEST_POSTGRES_URL"))
                    .orElse("jdbc:postgresql://127.0.0.1:5432/test");
            schema = "archive_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection connection = DriverManager.getConnection(postgresUrl, "postgres", "")) {
                connection.createStatement().execute("CREATE SCHEMA " + schema);
            }
            config.setJdbcUrl(postgresUrl);
            config.setUsername("postgres");
            config.setSchema(schema);
        } else {
            config.setJdbcUrl("jdbc:h2:mem:archive_bench;DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
        }
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/archive");
        (schema == null ? flyway : flyway.schemas(schema).defaultSchema(schema)).load().migrate();
        archive = new JdbcSampleArchive(dataSource);
        SplittableRandom random = new SplittableRandom(12);
        inbound = new double[LINKS][];
        outbound = new double[LINKS][];
        for (int link = 0; link < LINKS; link++) {
            double peak = 1e7 * Math.pow(200, random.nextDouble());
            inbound[link] = TrafficShapes.bitrates(TrafficShapes.SAMPLES_PER_DAY, peak, random);
            outbound[link] = TrafficShapes.outboundOf(inbound[link], peak * 0.3, random);
        }
    }

    @TearDown
    public void dropSchema() throws SQLException {
        dataSource.close();
        if (schema != null) {
            try (Connection connection = DriverManager.getConnection(postgresUrl, "postgres", "")) {
                connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Benchmark
    public long writeOneDayOfAThousandLinks() {
        Instant start = FIRST_DAY.plus(Duration.ofDays(day++));
        long stored = 0;
        for (int link = 0; link < LINKS; link++) {
            stored += archive.write(new ZenlayerPrivateConnect("pc-" + link), List.of(
                    TrafficSeries.of(Metric.BITRATE_IN, start, Step.FIVE_MINUTES, inbound[link]),
                    TrafficSeries.of(Metric.BITRATE_OUT, start, Step.FIVE_MINUTES, outbound[link]))).stored();
        }
        return stored;
    }
}
