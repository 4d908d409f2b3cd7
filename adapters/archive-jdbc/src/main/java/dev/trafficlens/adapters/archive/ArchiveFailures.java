package dev.trafficlens.adapters.archive;

import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Turns a database failure into {@link ArchiveUnavailableException} with a message of our own words: what was being
 * done and the failure's kind (and SQLState), never the driver's text, which may quote a JDBC URL.
 */
final class ArchiveFailures {

    private ArchiveFailures() {
    }

    static <T> T guarded(String doing, Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException | TransactionException e) {
            throw new ArchiveUnavailableException(doing + " failed: " + kind(e), e);
        }
    }

    static void guarded(String doing, Runnable work) {
        guarded(doing, () -> {
            work.run();
            return null;
        });
    }

    /** For failures of libraries that wrap the driver's exception in their own (Bucket4j). */
    static ArchiveUnavailableException unavailable(String doing, RuntimeException failure) {
        return new ArchiveUnavailableException(doing + " failed: " + kind(failure), failure);
    }

    private static String kind(Throwable failure) {
        String kind = failure.getClass().getSimpleName();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return kind + " (SQLState " + sql.getSQLState() + ")";
            }
        }
        return kind;
    }
}
