package com.crashanalytics.domain.lifecycle;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Outbound port: the rounds' tables (rounds, outcomes, multiplier samples, signals) are partitioned by UTC month of the
 * round's start, all four by the same months, plus a default partition for months without their own. Retention drops
 * a month that lies wholly before its cut-off instead of deleting its rows. Each call runs in the caller's transaction.
 */
public interface RoundPartitions {

    /**
     * Creates the month's partitions unless they exist (moving the rows the default partitions took for that month
     * into them); true when it created them. Safe to call from several replicas at once.
     */
    boolean prepare(YearMonth month);

    /** The months that have partitions and end at or before the instant (wholly older than it), oldest first. */
    List<YearMonth> monthsEndingBy(Instant instant);

    /** The month's partition of each table with the rows it holds: what dropping the month removes. */
    List<MonthPartition> partitionsOf(YearMonth month);

    /**
     * Drops the month's partitions, the analytics' before the rounds', with the rounds' idempotency keys (errors and
     * OCR reads that named one of those rounds keep their bot and session and lose the link, as when a round is
     * deleted); answers what they held. The rollups are not touched: dropping is not deleting.
     */
    List<MonthPartition> drop(YearMonth month);
}
