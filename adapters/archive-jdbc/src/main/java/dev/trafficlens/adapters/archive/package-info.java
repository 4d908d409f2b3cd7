/**
 * The archive's outbound ports on JDBC (H2 embedded, PostgreSQL shared by replicas): samples in day blocks
 * ({@link dev.trafficlens.adapters.archive.JdbcSampleArchive}), the links
 * ({@link dev.trafficlens.adapters.archive.JdbcLinkStore}) and the collector lease
 * ({@link dev.trafficlens.adapters.archive.ShedLockCollectorLease}); those three are public, the block codec is not.
 * Schema: the Flyway migrations under {@code db/migration/archive}.
 */
package dev.trafficlens.adapters.archive;
