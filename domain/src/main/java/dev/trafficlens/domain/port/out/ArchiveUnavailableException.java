package dev.trafficlens.domain.port.out;

/**
 * The archive's store could not be reached or failed. The message says what failed in words fit for a warning to
 * a user, and never holds credentials (a JDBC URL's password, for example).
 */
public final class ArchiveUnavailableException extends RuntimeException {

    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
