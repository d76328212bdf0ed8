package com.crashanalytics.domain.analytics.integrity;

import java.time.LocalDate;

/**
 * One day on the CUSUM path: the day's game rounds and hits against the hits the fair law expects, and both one-sided
 * statistics after the day.
 *
 * @param expectedHits  rounds × RTP / x
 * @param fellStatistic the CUSUM that grows when fewer rounds reach the target (payout fell), ≥ 0
 * @param roseStatistic the CUSUM that grows when more rounds reach the target (payout rose), ≥ 0
 */
public record CusumDay(LocalDate day, long rounds, long hits, double expectedHits, double fellStatistic,
                       double roseStatistic) {
}
