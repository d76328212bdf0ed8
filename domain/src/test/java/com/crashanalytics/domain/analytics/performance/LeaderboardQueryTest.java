package com.crashanalytics.domain.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class LeaderboardQueryTest {

    @Test
    void firstIsBetweenOneAndTheCap() {
        assertThat(new LeaderboardQuery(LeaderboardMetric.ROI, TimeWindow.ALL, LeaderboardQuery.MAX_FIRST).first())
                .isEqualTo(500);
        for (int first : new int[] {0, -1, LeaderboardQuery.MAX_FIRST + 1}) {
            assertThatThrownBy(() -> new LeaderboardQuery(LeaderboardMetric.ROI, TimeWindow.ALL, first))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.violations().get(0).field()).isEqualTo("first"));
        }
    }
}
