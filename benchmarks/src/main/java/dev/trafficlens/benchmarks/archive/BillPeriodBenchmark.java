package dev.trafficlens.benchmarks.archive;

import dev.trafficlens.adapters.archive.JdbcBillStore;
import dev.trafficlens.adapters.archive.JdbcLinkStore;
import dev.trafficlens.adapters.archive.JdbcSampleArchive;
import dev.trafficlens.benchmarks.TrafficShapes;
import dev.trafficlens.domain.billing.Bill;
import dev.trafficlens.domain.billing.BillInput;
import dev.trafficlens.domain.billing.BillingPeriod;
import dev.trafficlens.domain.billing.LinkSamples;
import dev.trafficlens.domain.billing.PeriodCalculator;
import dev.trafficlens.domain.billing.PeriodFigures;
import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.SampleArchive;
import dev.trafficlens.domain.service.BillingService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
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
 * The billing goal: the period figures of a 1,000-link {@code AGGREGATE} {@code PERCENTILE_95} bill from the
 * archive on PostgreSQL, through {@link BillingService#compute} over {@link JdbcBillStore}, {@link JdbcLinkStore} and
 * {@link JdbcSampleArchive}, as the service computes a period that is not closed. The period is October 2026 in UTC
 * (31 days, 8,928 slots): {@code COMPLETE} computes it once it has ended; {@code CURRENT} on 2026-10-24 12:00 UTC,
 * 23.5 days in, with the month-to-date bounds and projection, the archive holding samples only up to then.
 * Each trial seeds a schema of its own (dropped afterwards) through the archive's own writer: {@code TrafficShapes}
 * bit rates, every link's gaps filled with its previous reading and 2 % of the slots missing for the whole fleet at
 * once (a collection outage), so that the aggregate has the coverage a real fleet's has rather than none (a slot any
 * link lacks is missing in the aggregate). PostgreSQL at {@code TRAFFICLENS_TEST_POSTGRES_URL} (default
 * 127.0.0.1:5432/test, user postgres). {@link #readTheLinksOnly} and {@link #calculateOnly} split the bill's time into
 * the archive's part and the domain's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class BillPeriodBenchmark {

    static final int LINKS = 1_000;
    private static final BillingPeriod OCTOBER = BillingPeriod.of(YearMonth.of(2026, 10), ZoneOffset.UTC, 1);
    private static final Instant CURRENT_NOW = Instant.parse("2026-10-24T12:00:00Z");
    private static final Instant AFTER_OCTOBER = Instant.parse("2026-11-01T06:00:00Z");
    private static final double OUTAGE_SHARE = 0.02;
    private static final Set<Metric> BIT_RATES = Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT);

    /** Which period: one that has ended, or the current one (as if it ended now, with its forecast). */
    @Param({"COMPLETE", "CURRENT"})
    public String period;

    private BenchmarkSchema database;
    private DataSource dataSource;
    private SampleArchive archive;
    private BillingService billing;
    private Bill bill;
    private Instant now;
    private LinkSamples oneLink;
    private final List<ResourceRef> resources = new ArrayList<>();

    @Setup
    public void seed() throws Exception {
        database = BenchmarkSchema.create("bill_bench_");
        dataSource = database.dataSource();
        archive = new JdbcSampleArchive(dataSource);
        JdbcLinkStore links = new JdbcLinkStore(dataSource);
        boolean current = "CURRENT".equals(period);
        now = current ? CURRENT_NOW : AFTER_OCTOBER;
        int slots = OCTOBER.expectedSlots();
        int stored = current ? OCTOBER.elapsedSlotsAt(now) : slots;
        boolean[] outage = outage(slots, new SplittableRandom(31));
        SplittableRandom random = new SplittableRandom(30);
        long seedingStarted = System.nanoTime();
        long samples = 0;
        List<String> linkIds = new ArrayList<>();
        for (int link = 0; link < LINKS; link++) {
            ResourceRef resource = new ZenlayerPrivateConnect("pc-" + link);
            resources.add(resource);
            linkIds.add(links.add("link " + link, resource, Set.of(), Instant.parse("2026-09-01T00:00:00Z"))
                    .fold(Link::id, Link::id));
            double peak = 1e7 * Math.pow(200, random.nextDouble());
            double[] inbound = TrafficShapes.bitrates(slots, peak, random);
            double[] outbound = TrafficShapes.outboundOf(inbound, peak * 0.3, random);
            samples += archive.write(resource, List.of(
                    TrafficSeries.of(Metric.BITRATE_IN, OCTOBER.from(), Step.FIVE_MINUTES,
                            fleetGaps(inbound, outage, stored)),
                    TrafficSeries.of(Metric.BITRATE_OUT, OCTOBER.from(), Step.FIVE_MINUTES,
                            fleetGaps(outbound, outage, stored)))).stored();
        }
        double seedingSeconds = (System.nanoTime() - seedingStarted) / 1e9;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE archive_block");
            statement.execute("VACUUM ANALYZE archive_series");
            statement.execute("VACUUM ANALYZE archive_link");
        }
        billing = new BillingService(new JdbcBillStore(dataSource), links, archive, Clock.fixed(now, ZoneOffset.UTC));
        var defined = billing.define(BillInput.of("a thousand links", linkIds)
                .withPercentilePrices(5e9, 0.5, OptionalDouble.empty()));
        if (defined.isInvalid()) {
            throw new IllegalStateException("the bill is not valid: " + defined.getError());
        }
        bill = defined.get();
        PeriodFigures figures = billing.compute(bill, OCTOBER);
        Map<Metric, TrafficSeries> first = archive.read(resources.get(0), BIT_RATES, OCTOBER.window());
        oneLink = LinkSamples.ofBitRates(first.get(Metric.BITRATE_IN).values(), first.get(Metric.BITRATE_OUT).values());
        // A run that bills nothing (no slot present, no forecast where one is due) would time the wrong path.
        if (figures.billedBps().isEmpty() || figures.forecast().isPresent() != current
                || figures.links().size() != LINKS || figures.coverage() < 0.97) {
            throw new IllegalStateException("unexpected figures: " + figures.billedBps() + ", coverage "
                    + figures.coverage() + ", forecast " + figures.forecast());
        }
        System.out.printf(Locale.ROOT, "%nseeded %,d samples of %,d links (%s period, %,d of %,d slots stored) in "
                        + "%.1f s; billed %.0f bit/s at rank %s over %,d present slots, coverage %.3f, forecast %s%n",
                samples, LINKS, period, stored, slots, seedingSeconds, figures.billedBps().getAsDouble(),
                figures.rank(), figures.presentSlots(), figures.coverage(), figures.forecast());
    }

    /** The same slots missing for every link, as when the collector was down. */
    private static boolean[] outage(int slots, SplittableRandom random) {
        boolean[] missing = new boolean[slots];
        int left = (int) Math.round(slots * OUTAGE_SHARE);
        while (left > 0) {
            int slot = random.nextInt(slots);
            if (!missing[slot]) {
                missing[slot] = true;
                left--;
            }
        }
        return missing;
    }

    /** A link's rates with its own gaps filled by the previous reading, the fleet's outage and the future missing. */
    private static double[] fleetGaps(double[] rates, boolean[] outage, int stored) {
        double[] filled = Arrays.copyOf(rates, rates.length);
        for (int i = 0; i < filled.length; i++) {
            if (Double.isNaN(filled[i])) {
                filled[i] = i > 0 ? filled[i - 1] : 1e6;
            }
        }
        for (int i = 0; i < filled.length; i++) {
            if (outage[i] || i >= stored) {
                filled[i] = Double.NaN;
            }
        }
        return filled;
    }

    @TearDown
    public void dropSchema() throws SQLException {
        database.close();
    }

    /** The period's figures, as {@code Bill.period} computes a period that is not closed. */
    @Benchmark
    public PeriodFigures computeTheBill() {
        return billing.compute(bill, OCTOBER);
    }

    /**
     * The archive's share of {@link #computeTheBill}: each link's period read as {@code BillingService} reads it, and
     * nothing computed. The rest of the bill's time is the aggregation and the links' own figures.
     */
    @Benchmark
    public long readTheLinksOnly() {
        long slots = 0;
        for (ResourceRef resource : resources) {
            Map<Metric, TrafficSeries> read = archive.read(resource, BIT_RATES, OCTOBER.window());
            slots += read.get(Metric.BITRATE_IN).size() + read.get(Metric.BITRATE_OUT).size();
        }
        return slots;
    }

    /**
     * The domain's share of {@link #computeTheBill}: the same bill's {@link PeriodCalculator} given one link's period
     * (read once, in the set-up) 1,000 times, and its figures; no database.
     */
    @Benchmark
    public PeriodFigures calculateOnly() {
        PeriodCalculator calculator = new PeriodCalculator(bill.definition(), OCTOBER, now);
        for (int link = 0; link < LINKS; link++) {
            calculator.add(bill.definition().links().get(link), oneLink);
        }
        return calculator.figures();
    }
}
