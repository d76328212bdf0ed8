package com.crashanalytics.domain.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ContinuousPercentileOfCountsTest {

    @Test
    void aHistogramGivesThePercentileOfItsValuesListedOneByOne() {
        // 1, 1, 1.3, 1.5, 2, 2, 2, 10 (n = 8)
        SortedMap<BigDecimal, Long> counts = new TreeMap<>();
        counts.put(new BigDecimal("1"), 2L);
        counts.put(new BigDecimal("1.3"), 1L);
        counts.put(new BigDecimal("1.5"), 1L);
        counts.put(new BigDecimal("2"), 3L);
        counts.put(new BigDecimal("10"), 1L);
        List<BigDecimal> listed = List.of(new BigDecimal("1"), new BigDecimal("1"), new BigDecimal("1.3"),
                new BigDecimal("1.5"), new BigDecimal("2"), new BigDecimal("2"), new BigDecimal("2"), new BigDecimal("10"));

        for (String fraction : List.of("0", "0.1", "0.25", "0.5", "0.9", "0.95", "1")) {
            assertThat(ContinuousPercentile.ofCounts(counts, 8, new BigDecimal(fraction)))
                    .as(fraction).isEqualByComparingTo(ContinuousPercentile.of(listed, new BigDecimal(fraction)));
        }
        // h = 0.5 × 7 = 3.5: between x₃ = 1.5 and x₄ = 2 → 1.75; h = 0.95 × 7 = 6.65: 2 + 0.65 × 8 = 7.2
        assertThat(ContinuousPercentile.ofCounts(counts, 8, new BigDecimal("0.5"))).isEqualByComparingTo("1.75");
        assertThat(ContinuousPercentile.ofCounts(counts, 8, new BigDecimal("0.95"))).isEqualByComparingTo("7.2");
    }
}
