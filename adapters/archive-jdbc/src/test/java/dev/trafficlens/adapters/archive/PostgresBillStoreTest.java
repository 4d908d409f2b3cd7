package dev.trafficlens.adapters.archive;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresBillStoreTest extends BillStoreContract {

    @RegisterExtension
    static final PostgresArchiveDatabase DATABASE = new PostgresArchiveDatabase();

    @Override
    ArchiveDatabase database() {
        return DATABASE;
    }
}
