/**
 * A fleet's history written straight into the gateway's tables with COPY, for what needs a realistic volume faster
 * than the API could log it: the benchmarks' analytics data and the integration tests that need many rounds. Plain
 * JDBC on a PostgreSQL connection; the crash points and settlements are the simulation's own.
 */
@NullMarked
package com.crashanalytics.simulator.history;

import org.jspecify.annotations.NullMarked;
