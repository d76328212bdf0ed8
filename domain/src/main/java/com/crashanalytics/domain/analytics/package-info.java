/**
 * Analytics: the definitions and the math behind every performance, distribution, streak and signal figure a
 * dashboard reads. The read path aggregates in SQL; the classes here are the reference those aggregates are tested
 * against, and they compute what SQL does badly (p-values, distributions, goodness of fit).
 *
 * <h2>Numbers</h2>
 * <ul>
 *   <li>Money is {@link java.math.BigDecimal} and sums are exact. Quotients are rounded once, {@code HALF_UP}
 *       (ties away from zero, as PostgreSQL's {@code round(numeric, s)} and its numeric column casts do), to the
 *       scales of {@link com.crashanalytics.domain.common.Ratios}: fractions to 6 decimals, percentages to 4,
 *       money to 8, multiplier statistics to 6.</li>
 *   <li>Statistics that go through irrational functions or exist for inference (Sharpe, Sortino, test statistics,
 *       p-values, theoretical probabilities, Brier scores of {@code double} confidences) are {@code double}: no
 *       one reads them to the cent, and SQL that reproduces them agrees to about 1e-12, not digit for digit.</li>
 * </ul>
 *
 * <h2>Order</h2>
 * A series is in time order; rounds with the same time keep the order they were given in. SQL that reproduces
 * an order-dependent figure (drawdown, streaks, gaps) must feed the same order: {@code ORDER BY
 * round_start_timestamp, id}, the keyset order the read path pages by.
 */
@NullMarked
package com.crashanalytics.domain.analytics;

import org.jspecify.annotations.NullMarked;
