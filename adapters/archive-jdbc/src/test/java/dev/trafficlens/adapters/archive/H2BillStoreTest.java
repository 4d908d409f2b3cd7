package dev.trafficlens.adapters.archive;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2BillStoreTest extends BillStoreContract {

    @RegisterExtension
    static final H2ArchiveDatabase DATABASE = new H2ArchiveDatabase();

    @Override
    ArchiveDatabase database() {
        return DATABASE;
    }
}
