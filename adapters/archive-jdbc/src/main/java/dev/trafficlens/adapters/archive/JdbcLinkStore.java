package dev.trafficlens.adapters.archive;

import static dev.trafficlens.adapters.archive.ArchiveFailures.guarded;

import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.ResourceKeys;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.port.out.LinkStore;
import io.vavr.control.Either;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The links on JDBC: {@code archive_link} (one row per link, unique per resource key) and {@code archive_link_tag}
 * (one row per tag, indexed by tag). Ids are {@code lnk_} and 16 random base32 characters (80 bits). Times are kept
 * to the microsecond, the finest both databases store.
 */
public final class JdbcLinkStore implements LinkStore {

    private static final int MAX_ERROR_LENGTH = 2000;
    private static final String SELECT_LINK =
            "SELECT id, name, resource_key, created_at, collected_through, last_error FROM archive_link ";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final RandomIds ids = new RandomIds();

    public JdbcLinkStore(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.batches = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(batches);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public List<Link> all() {
        return guarded("reading the links", () -> withTags(
                jdbc.sql(SELECT_LINK + "ORDER BY created_at, id").query(JdbcLinkStore::row).list(),
                jdbc.sql("SELECT link_id, tag FROM archive_link_tag")));
    }

    @Override
    public Optional<Link> byId(String id) {
        return guarded("reading a link", () -> one(
                jdbc.sql(SELECT_LINK + "WHERE id = :id").param("id", id).query(JdbcLinkStore::row).optional()));
    }

    @Override
    public Optional<Link> byResource(ResourceRef resource) {
        return guarded("reading a link", () -> one(jdbc.sql(SELECT_LINK + "WHERE resource_key = :key")
                .param("key", ResourceKeys.key(resource)).query(JdbcLinkStore::row).optional()));
    }

    @Override
    public Either<Link, Link> add(String name, ResourceRef resource, Set<String> tags, Instant createdAt) {
        String id = newId();
        String key = ResourceKeys.key(resource);
        return guarded("adding a link", () -> {
            try {
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("""
                                    INSERT INTO archive_link (id, name, resource_key, created_at)
                                    VALUES (:id, :name, :key, :createdAt)""")
                            .param("id", id).param("name", name).param("key", key)
                            .param("createdAt", utc(createdAt)).update();
                    insertTags(id, tags);
                });
            } catch (DuplicateKeyException e) {
                return byResource(resource).<Either<Link, Link>>map(Either::left).orElseThrow(() -> e);
            }
            return Either.right(byId(id).orElseThrow());
        });
    }

    @Override
    public Optional<Link> update(String id, Optional<String> name, Optional<Set<String>> tags) {
        return guarded("updating a link", () -> transactions.execute(status -> {
            int found = jdbc.sql("UPDATE archive_link SET name = COALESCE(:name, name) WHERE id = :id")
                    .param("name", name.orElse(null), java.sql.Types.VARCHAR).param("id", id).update();
            if (found == 0) {
                return Optional.<Link>empty();
            }
            tags.ifPresent(newTags -> {
                jdbc.sql("DELETE FROM archive_link_tag WHERE link_id = :id").param("id", id).update();
                insertTags(id, newTags);
            });
            return byId(id);
        }));
    }

    @Override
    public boolean remove(String id) {
        return guarded("removing a link",
                () -> jdbc.sql("DELETE FROM archive_link WHERE id = :id").param("id", id).update() > 0);
    }

    @Override
    public void markCollected(String id, Instant through) {
        guarded("recording a collection", () -> jdbc.sql(
                        "UPDATE archive_link SET collected_through = :through, last_error = NULL WHERE id = :id")
                .param("through", utc(through)).param("id", id).update());
    }

    @Override
    public void markFailed(String id, String error) {
        String shortened = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        guarded("recording a failed collection", () -> jdbc.sql(
                        "UPDATE archive_link SET last_error = :error WHERE id = :id")
                .param("error", shortened).param("id", id).update());
    }

    private void insertTags(String id, Set<String> tags) {
        if (!tags.isEmpty()) {
            batches.batchUpdate("INSERT INTO archive_link_tag (link_id, tag) VALUES (?, ?)",
                    tags.stream().map(tag -> new Object[] {id, tag}).toList());
        }
    }

    private Optional<Link> one(Optional<Link> link) {
        return link.map(found -> withTags(List.of(found),
                jdbc.sql("SELECT link_id, tag FROM archive_link_tag WHERE link_id = :id").param("id", found.id()))
                .get(0));
    }

    private static List<Link> withTags(List<Link> links, JdbcClient.StatementSpec tagQuery) {
        Map<String, Set<String>> tags = new HashMap<>();
        tagQuery.query(rs -> {
            tags.computeIfAbsent(rs.getString(1), id -> new HashSet<>()).add(rs.getString(2));
        });
        return links.stream().map(link -> new Link(link.id(), link.name(), link.resource(),
                tags.getOrDefault(link.id(), Set.of()), link.createdAt(), link.collectedThrough(), link.lastError()))
                .toList();
    }

    private static Link row(ResultSet rs, int row) throws SQLException {
        String key = rs.getString(3);
        var parsed = ResourceKeys.parse(key);
        if (parsed.isInvalid()) {
            throw new DataIntegrityViolationException("stored resource key " + key + " no longer reads: "
                    + parsed.getError());
        }
        ResourceRef resource = parsed.get();
        return new Link(rs.getString(1), rs.getString(2), resource, Set.of(),
                rs.getObject(4, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject(5, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(rs.getString(6)));
    }

    private String newId() {
        return ids.next("lnk_");
    }

    private static OffsetDateTime utc(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
