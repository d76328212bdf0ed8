/**
 * Performance of a series of rounds: totals and their ratios ({@link
 * com.crashanalytics.domain.analytics.performance.RoundTotals}), Sharpe and Sortino, the equity curve and its
 * drawdowns, streaks, the breakdown by period and the leaderboard. {@link
 * com.crashanalytics.domain.analytics.performance.PerformanceStats} puts them together.
 */
@NullMarked
package com.crashanalytics.domain.analytics.performance;

import org.jspecify.annotations.NullMarked;
