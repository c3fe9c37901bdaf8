/**
 * Database query advisor for PostgreSQL: which statements take the time, what their plans do, and
 * which index would cut their cost, checked on the server before anything is built.
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
