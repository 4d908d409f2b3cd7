package dev.trafficlens.adapters.archive;

import static dev.trafficlens.adapters.archive.ArchiveFailures.guarded;

import dev.trafficlens.domain.billing.Bill;
import dev.trafficlens.domain.billing.BillDefinition;
import dev.trafficlens.domain.billing.BillingModel;
import dev.trafficlens.domain.billing.BillingPeriod;
import dev.trafficlens.domain.billing.ClosedPeriod;
import dev.trafficlens.domain.billing.LinkCombination;
import dev.trafficlens.domain.billing.LinkFigures;
import dev.trafficlens.domain.billing.PeriodFigures;
import dev.trafficlens.domain.billing.PeriodRevision;
import dev.trafficlens.domain.port.out.BillStore;
import dev.trafficlens.domain.stats.BillingRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bills on JDBC: {@code bill} and {@code bill_link} hold the definitions, {@code bill_period} and
 * {@code bill_period_link} every revision of each closed period (migration V4). Ids are {@code bil_} and 16 random
 * base32 characters. Times are kept to the microsecond, the finest both databases store; what is returned is what was
 * stored.
 */
public final class JdbcBillStore implements BillStore {

    private static final String SELECT_BILL = """
            SELECT id, name, model, billing_rule, link_combination, commit_bps, price_per_mbps,
                   overage_price_per_mbps, commit_bytes, price_per_gb, currency, time_zone, period_start_day, created_at
            FROM bill
            """;
    private static final String PERIOD_COLUMNS = """
            revision, computed_at, period_from, period_to, expected_slots, elapsed_slots, present_slots, coverage,
            p95_in_bps, p95_out_bps, billed_bps, billed_rank, total_bytes, commit_bps, overage_bps, commit_bytes,
            overage_bytes, charge""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final RandomIds ids = new RandomIds();

    public JdbcBillStore(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.batches = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(batches);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public List<Bill> all() {
        return guarded("reading the bills", () -> {
            Map<String, List<String>> links = new HashMap<>();
            jdbc.sql("SELECT bill_id, link_id FROM bill_link ORDER BY bill_id, link_order").query(rs -> {
                links.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
            });
            return jdbc.sql(SELECT_BILL + "ORDER BY created_at, id")
                    .query((rs, row) -> bill(rs, links.getOrDefault(rs.getString(1), List.of()))).list();
        });
    }

    @Override
    public Optional<Bill> byId(String id) {
        return guarded("reading a bill", () -> {
            List<String> links = jdbc.sql("SELECT link_id FROM bill_link WHERE bill_id = :id ORDER BY link_order")
                    .param("id", id).query(String.class).list();
            return jdbc.sql(SELECT_BILL + "WHERE id = :id").param("id", id)
                    .query((rs, row) -> bill(rs, links)).optional();
        });
    }

    @Override
    public Bill add(BillDefinition definition, Instant createdAt) {
        String id = ids.next("bil_");
        return guarded("adding a bill", () -> {
            transactions.executeWithoutResult(status -> {
                definitionParameters(jdbc.sql("""
                        INSERT INTO bill (id, name, model, billing_rule, link_combination, commit_bps, price_per_mbps,
                            overage_price_per_mbps, commit_bytes, price_per_gb, currency, time_zone, period_start_day,
                            created_at)
                        VALUES (:id, :name, :model, :rule, :combine, :commitBps, :pricePerMbps, :overagePricePerMbps,
                            :commitBytes, :pricePerGB, :currency, :timeZone, :periodStartDay, :createdAt)"""), definition)
                        .param("id", id).param("createdAt", utc(createdAt)).update();
                insertLinks(id, definition.links());
            });
            return byId(id).orElseThrow();
        });
    }

    @Override
    public Optional<Bill> update(String id, BillDefinition definition) {
        return guarded("updating a bill", () -> transactions.execute(status -> {
            int found = definitionParameters(jdbc.sql("""
                    UPDATE bill SET name = :name, model = :model, billing_rule = :rule, link_combination = :combine,
                        commit_bps = :commitBps, price_per_mbps = :pricePerMbps,
                        overage_price_per_mbps = :overagePricePerMbps, commit_bytes = :commitBytes,
                        price_per_gb = :pricePerGB, currency = :currency, time_zone = :timeZone,
                        period_start_day = :periodStartDay
                    WHERE id = :id"""), definition).param("id", id).update();
            if (found == 0) {
                return Optional.<Bill>empty();
            }
            jdbc.sql("DELETE FROM bill_link WHERE bill_id = :id").param("id", id).update();
            insertLinks(id, definition.links());
            return byId(id);
        }));
    }

    @Override
    public boolean remove(String id) {
        return guarded("removing a bill",
                () -> jdbc.sql("DELETE FROM bill WHERE id = :id").param("id", id).update() > 0);
    }

    @Override
    public Optional<ClosedPeriod> closed(String billId, String period) {
        return guarded("reading a closed period", () -> read(billId, period));
    }

    @Override
    public Optional<ClosedPeriod> record(String billId, PeriodFigures figures, Instant computedAt) {
        PeriodRevision revision = new PeriodRevision(figures, computedAt); // refuses an incomplete period
        String period = figures.period().name();
        return guarded("recording a closed period", () -> {
            try {
                transactions.executeWithoutResult(status -> {
                    if (jdbc.sql("SELECT COUNT(*) FROM bill WHERE id = :id").param("id", billId).query(Long.class)
                            .single() == 0) {
                        return;
                    }
                    Optional<ClosedPeriod> stored = read(billId, period);
                    if (stored.isPresent() && stored.get().latest().equals(figures)) {
                        return;
                    }
                    insert(billId, stored.map(closed -> closed.revisions().size()).orElse(0), revision);
                });
            } catch (DuplicateKeyException concurrent) {
                // Another replica recorded this revision number first: its figures stand, as ours would have.
            }
            return read(billId, period);
        });
    }

    private Optional<ClosedPeriod> read(String billId, String period) {
        Map<Integer, List<LinkFigures>> links = new HashMap<>();
        jdbc.sql("""
                SELECT revision, link_id, present_slots, coverage, p95_in_bps, p95_out_bps, billed_bps, billed_rank,
                       total_bytes
                FROM bill_period_link WHERE bill_id = :id AND period_name = :period
                ORDER BY revision, link_order""").param("id", billId).param("period", period).query(rs -> {
                    links.computeIfAbsent(rs.getInt(1), revision -> new ArrayList<>()).add(new LinkFigures(
                            rs.getString(2), rs.getInt(3), rs.getDouble(4), optional(rs, 5), optional(rs, 6),
                            optional(rs, 7), optionalInt(rs, 8), rs.getDouble(9)));
                });
        List<PeriodRevision> revisions = jdbc.sql("SELECT " + PERIOD_COLUMNS
                        + " FROM bill_period WHERE bill_id = :id AND period_name = :period ORDER BY revision")
                .param("id", billId).param("period", period)
                .query((rs, row) -> revision(rs, period, links.getOrDefault(rs.getInt(1), List.of()))).list();
        return revisions.isEmpty() ? Optional.empty() : Optional.of(new ClosedPeriod(billId, revisions));
    }

    private void insert(String billId, int number, PeriodRevision revision) {
        PeriodFigures figures = revision.figures();
        jdbc.sql("INSERT INTO bill_period (bill_id, period_name, " + PERIOD_COLUMNS + """
                ) VALUES (:id, :period, :revision, :computedAt, :from, :to, :expected, :elapsed, :present, :coverage,
                    :p95In, :p95Out, :billed, :rank, :totalBytes, :commitBps, :overageBps, :commitBytes,
                    :overageBytes, :charge)""")
                .param("id", billId).param("period", figures.period().name()).param("revision", number)
                .param("computedAt", utc(revision.computedAt())).param("from", utc(figures.period().from()))
                .param("to", utc(figures.period().to())).param("expected", figures.expectedSlots())
                .param("elapsed", figures.elapsedSlots()).param("present", figures.presentSlots())
                .param("coverage", figures.coverage())
                .param("p95In", nullable(figures.p95InBps()), Types.DOUBLE)
                .param("p95Out", nullable(figures.p95OutBps()), Types.DOUBLE)
                .param("billed", nullable(figures.billedBps()), Types.DOUBLE)
                .param("rank", figures.rank().isPresent() ? figures.rank().getAsInt() : null, Types.INTEGER)
                .param("totalBytes", figures.totalBytes())
                .param("commitBps", nullable(figures.commitBps()), Types.DOUBLE)
                .param("overageBps", nullable(figures.overageBps()), Types.DOUBLE)
                .param("commitBytes", nullable(figures.commitBytes()), Types.DOUBLE)
                .param("overageBytes", nullable(figures.overageBytes()), Types.DOUBLE)
                .param("charge", nullable(figures.charge()), Types.DOUBLE)
                .update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < figures.links().size(); i++) {
            LinkFigures link = figures.links().get(i);
            rows.add(new Object[] {billId, figures.period().name(), number, i, link.linkId(), link.presentSlots(),
                    link.coverage(), nullable(link.p95InBps()), nullable(link.p95OutBps()), nullable(link.billedBps()),
                    link.rank().isPresent() ? link.rank().getAsInt() : null, link.totalBytes()});
        }
        batches.batchUpdate("""
                INSERT INTO bill_period_link (bill_id, period_name, revision, link_order, link_id, present_slots,
                    coverage, p95_in_bps, p95_out_bps, billed_bps, billed_rank, total_bytes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, new int[] {Types.VARCHAR, Types.VARCHAR,
                Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE,
                Types.DOUBLE, Types.INTEGER, Types.DOUBLE});
    }

    private static PeriodRevision revision(ResultSet rs, String period, List<LinkFigures> links) throws SQLException {
        BillingPeriod billingPeriod = new BillingPeriod(period, instant(rs, 3), instant(rs, 4));
        PeriodFigures figures = new PeriodFigures(billingPeriod, true, rs.getInt(5), rs.getInt(6), rs.getInt(7),
                rs.getDouble(8), optional(rs, 9), optional(rs, 10), optional(rs, 11), optionalInt(rs, 12),
                rs.getDouble(13), optional(rs, 14), optional(rs, 15), optional(rs, 16), optional(rs, 17),
                optional(rs, 18), Optional.empty(), links);
        return new PeriodRevision(figures, instant(rs, 2));
    }

    private void insertLinks(String id, List<String> links) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            rows.add(new Object[] {id, i, links.get(i)});
        }
        batches.batchUpdate("INSERT INTO bill_link (bill_id, link_order, link_id) VALUES (?, ?, ?)", rows);
    }

    private static JdbcClient.StatementSpec definitionParameters(JdbcClient.StatementSpec statement,
            BillDefinition definition) {
        return statement.param("name", definition.name()).param("model", definition.model().name())
                .param("rule", definition.rule().name()).param("combine", definition.combine().name())
                .param("commitBps", nullable(definition.commitBps()), Types.DOUBLE)
                .param("pricePerMbps", nullable(definition.pricePerMbps()), Types.DOUBLE)
                .param("overagePricePerMbps", nullable(definition.overagePricePerMbps()), Types.DOUBLE)
                .param("commitBytes", nullable(definition.commitBytes()), Types.DOUBLE)
                .param("pricePerGB", nullable(definition.pricePerGB()), Types.DOUBLE)
                .param("currency", definition.currency()).param("timeZone", definition.timeZone().getId())
                .param("periodStartDay", definition.periodStartDay());
    }

    private static Bill bill(ResultSet rs, List<String> links) throws SQLException {
        BillDefinition definition = new BillDefinition(rs.getString(2), links, BillingModel.valueOf(rs.getString(3)),
                BillingRule.valueOf(rs.getString(4)), LinkCombination.valueOf(rs.getString(5)), optional(rs, 6),
                optional(rs, 7), optional(rs, 8), optional(rs, 9), optional(rs, 10), rs.getString(11),
                ZoneId.of(rs.getString(12)), rs.getInt(13));
        return new Bill(rs.getString(1), definition, instant(rs, 14));
    }

    private static OptionalDouble optional(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static OptionalInt optionalInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static Double nullable(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
