package com.crashanalytics.benchmarks.phase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnalyticsQueriesSelectionTest {

    private static final String ONLY = "benchmark.analytics.only";

    @AfterEach
    void clear() {
        System.clearProperty(ONLY);
    }

    @Test
    void everyQueryWithoutASelection() {
        assertThat(AnalyticsQueries.selected()).isEqualTo(AnalyticsQueries.QUERIES);
    }

    @Test
    void onlyTheQueriesWhoseNamesStartWithAPrefixGiven() {
        System.setProperty(ONLY, "strategyReplay, luckOrEdge");
        assertThat(AnalyticsQueries.selected()).extracting(AnalyticsQueries.Query::name)
                .hasSize(3)
                .allMatch(name -> name.startsWith("strategyReplay") || name.startsWith("luckOrEdge"));
    }
}
