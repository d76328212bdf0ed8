package com.crashanalytics.domain.analytics.multipliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.Violation;
import org.junit.jupiter.api.Test;

class BucketEdgesTest {

    @Test
    void aFirstEdgeAboveOneAddsTheBucketFromOne() {
        assertThat(edges("2", "10").buckets()).containsExactly(
                new BucketEdges.Range(BigDecimal.ONE, new BigDecimal("2")),
                new BucketEdges.Range(new BigDecimal("2"), new BigDecimal("10")),
                new BucketEdges.Range(new BigDecimal("10"), null));
    }

    @Test
    void aFirstEdgeOfOneStartsTheFirstBucket() {
        assertThat(edges("1", "2").buckets()).containsExactly(
                new BucketEdges.Range(BigDecimal.ONE, new BigDecimal("2")),
                new BucketEdges.Range(new BigDecimal("2"), null));
    }

    @Test
    void bucketsIncludeTheirLowerBoundAndExcludeTheirUpper() {
        BucketEdges.Range range = new BucketEdges.Range(new BigDecimal("2"), BigDecimal.TEN);

        assertThat(range.contains(new BigDecimal("2.00"))).isTrue();
        assertThat(range.contains(new BigDecimal("9.99"))).isTrue();
        assertThat(range.contains(new BigDecimal("10.00"))).isFalse();
        assertThat(range.contains(new BigDecimal("1.99"))).isFalse();
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        // edges[1] 0.5 is below 1; edges[3] repeats 3; edges[4] has five decimals
        assertThatThrownBy(() -> edges("2", "0.5", "3", "3", "4.00001"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(
                                tuple("edges[1]", "MIN_MULTIPLIER"),
                                tuple("edges[3]", "ASCENDING"),
                                tuple("edges[4]", "PRECISION")));
    }

    @Test
    void descendingEdgesAndNoEdgesAreRefused() {
        assertThatThrownBy(() -> edges("10", "2"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("edges[1]", "ASCENDING")));
        assertThatThrownBy(() -> new BucketEdges(List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("NOT_EMPTY"));
    }

    @Test
    void percentileFractionsAreInTheUnitInterval() {
        assertThatThrownBy(() -> new PercentileFractions(List.of(new BigDecimal("0.5"), new BigDecimal("1.5"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("percentiles[1]", "UNIT_INTERVAL")));
    }

    private static BucketEdges edges(String... values) {
        return new BucketEdges(Arrays.stream(values).map(BigDecimal::new).toList());
    }
}
