/**
 * The database query advisor: which statements a service runs, how their columns are used, which
 * indexes would serve them, and where a service wastes round trips (N+1 loops, repeated identical
 * reads).
 *
 * <p>The offline side works without a database. Statements come from plain SQL files ({@link
 * org.loadcast.dbadvisor.SqlFile}), PostgreSQL server logs ({@link
 * org.loadcast.dbadvisor.PostgresLogReader}) or a JDBC statement log recorded during a load test
 * ({@link org.loadcast.dbadvisor.JdbcStatementLogReader}). JSqlParser 5.4 parses them; {@link
 * org.loadcast.dbadvisor.NormalizedSql} gives parameterised variants one text and fingerprint, and
 * {@link org.loadcast.dbadvisor.ColumnUsage} tells which columns a statement filters, joins and sorts
 * on. From those:
 * <ul>
 *   <li>{@link org.loadcast.dbadvisor.IndexCandidates}: single- and two-column b-tree candidates
 *       (Dexter's rule: equality columns first);
 *   <li>{@link org.loadcast.dbadvisor.IndexSelection}: the workload-wide greedy choice among them,
 *       given plan costs before and after each candidate (measured by the PostgreSQL half);
 *   <li>{@link org.loadcast.dbadvisor.NPlusOneDetector}: runs of one statement repeated after a source
 *       statement within a request;
 *   <li>{@link org.loadcast.dbadvisor.CachingCandidates}: identical reads repeated on read-mostly
 *       tables.
 * </ul>
 * The findings become {@link org.loadcast.dbadvisor.Recommendation}s in {@code dbadvice.json}.
 *
 * <p>Nothing here reads a clock or the environment; the readers take a {@link java.io.BufferedReader}
 * and report located errors as {@link org.loadcast.profile.InputException}s.
 *
 * <p>The PostgreSQL side:
 *
 * <ul>
 *   <li>{@link org.loadcast.dbadvisor.AdvisorSession} logs in ({@link org.loadcast.dbadvisor.DatabaseTarget},
 *       the password from {@code PGPASSWORD} or a file, never printed) and keeps the session
 *       read-only; only the what-if transaction (always rolled back) and {@code applyIndexes} write.
 *   <li>{@link org.loadcast.dbadvisor.TopStatements} reads {@code pg_stat_statements}: the statements
 *       with the largest total execution time.
 *   <li>{@link org.loadcast.dbadvisor.PlanReader} reads {@code EXPLAIN (FORMAT JSON)} into a
 *       {@link org.loadcast.dbadvisor.PlanNode} tree (the generic plan for a parameterised statement),
 *       and {@link org.loadcast.dbadvisor.PlanChecks} finds selective sequential scans, sorts an index
 *       could serve, and nested loops with an inner sequential scan.
 *   <li>{@link org.loadcast.dbadvisor.WhatIfCheck} compares a plan's cost without and with a candidate
 *       index, with a HypoPG hypothetical index or a real build rolled back;
 *       {@link org.loadcast.dbadvisor.ExistingIndexes} lists the indexes a table has, so that none is
 *       proposed twice.
 * </ul>
 */
package org.loadcast.dbadvisor;
