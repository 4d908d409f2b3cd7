package dev.trafficlens.adapters.archive;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAuditLogTest extends AuditLogContract {

    @RegisterExtension
    static final PostgresArchiveDatabase DATABASE = new PostgresArchiveDatabase();

    @Override
    ArchiveDatabase database() {
        return DATABASE;
    }
}
