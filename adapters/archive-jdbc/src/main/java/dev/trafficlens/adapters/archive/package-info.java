/**
 * The archive's outbound ports on JDBC (H2 embedded, PostgreSQL shared by replicas): samples in day blocks
 * ({@link dev.trafficlens.adapters.archive.JdbcSampleArchive}), the links
 * ({@link dev.trafficlens.adapters.archive.JdbcLinkStore}), the collector lease
 * ({@link dev.trafficlens.adapters.archive.ShedLockCollectorLease}), the audit log
 * ({@link dev.trafficlens.adapters.archive.JdbcAuditLog}) and the bills
 * ({@link dev.trafficlens.adapters.archive.JdbcBillStore}); those are public, the block codec is not.
 * Schema: the Flyway migrations under {@code db/migration/archive}.
 */
package dev.trafficlens.adapters.archive;
