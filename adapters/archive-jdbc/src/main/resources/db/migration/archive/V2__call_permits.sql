-- Bucket4j's table (PostgreSQLSelectForUpdateBasedProxyManager, renamed): one token bucket per vendor credential and
-- API action (CallPermitKey: the source and a hash of the access key id), shared by the replicas. Created on H2 too,
-- where nothing uses it, so both databases keep one schema history.
CREATE TABLE archive_call_permit (
    id    VARCHAR(200) NOT NULL PRIMARY KEY,
    state BYTEA
);
