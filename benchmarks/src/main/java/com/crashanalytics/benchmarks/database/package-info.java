/**
 * The gateway's own PostgreSQL as the baselines use it: plain JDBC batches, one transaction per round, COPY,
 * hand-written SQL, statement counts from pg_stat_statements, and bulk data for the analytics.
 */
@NullMarked
package com.crashanalytics.benchmarks.database;

import org.jspecify.annotations.NullMarked;
