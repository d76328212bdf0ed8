package com.crashanalytics.domain.lifecycle;

import java.time.YearMonth;
import java.util.List;

/**
 * Inbound port: month partitions created ahead of the rounds that will need them (at start-up and before each
 * scheduled retention run), so rounds land in their month's partition rather than the default one.
 */
public interface PrepareRoundPartitionsUseCase {

    /**
     * Makes sure every month from the oldest one retention keeps (the current one when rounds are kept for ever)
     * through {@link RetentionPolicy#monthsAhead()} months after the current one has its partitions; answers the
     * months it created.
     */
    List<YearMonth> preparePartitions();
}
