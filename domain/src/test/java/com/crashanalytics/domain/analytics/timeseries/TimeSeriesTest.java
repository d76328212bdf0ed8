package com.crashanalytics.domain.analytics.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

    private static TimeSeriesQuery query(Instant from, Instant to, TimeBucket bucket) {
        return new TimeSeriesQuery(new TimeWindow(from, to), bucket, TimeSeriesGroup.BOT, TimeSeriesFilter.EVERYTHING);
    }

    private static TimeSeriesBucket bucket(Instant start, long rounds, String crashSum, long crashCount) {
        return new TimeSeriesBucket(start, "bot", rounds, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal(crashSum), crashCount, null, null);
    }

    @Test
    void aWindowMayHoldFifteenHundredBucketsAndNoMore() {
        Instant from = Instant.parse("2026-03-02T00:00:00Z");
        assertThat(query(from, from.plus(Duration.ofMinutes(1500)), TimeBucket.MINUTE).bucket()).isEqualTo(TimeBucket.MINUTE);
        // a window starting inside a minute touches one more bucket than its length in minutes
        assertThatThrownBy(() -> query(from.plusSeconds(30), from.plus(Duration.ofMinutes(1500)).plusSeconds(1),
                TimeBucket.MINUTE))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.violations().get(0).field()).isEqualTo("bucket");
                    assertThat(refused.violations().get(0).rule()).isEqualTo("TOO_MANY_BUCKETS");
                });
        // 125 years of months is 1,500 months
        assertThat(query(Instant.parse("1950-01-01T00:00:00Z"), Instant.parse("2075-01-01T00:00:00Z"), TimeBucket.MONTH))
                .isNotNull();
    }

    @Test
    void bothEndsOfTheWindowAreRequired() {
        assertThatThrownBy(() -> query(TEN, null, TimeBucket.HOUR))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.violations().get(0).field()).isEqualTo("window.to");
                    assertThat(refused.violations().get(0).rule()).isEqualTo("REQUIRED");
                });
        assertThatThrownBy(() -> query(null, TEN, TimeBucket.HOUR)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void roundsPerMinuteCountOnlyThePartOfABucketInsideTheWindow() {
        // the window takes the hour's last 45 minutes: 9 rounds / 45 minutes = 0.2
        TimeSeriesQuery query = query(TEN.plus(Duration.ofMinutes(15)), TEN.plus(Duration.ofHours(2)), TimeBucket.HOUR);
        TimeSeriesReadModel readModel = (asked, limit) -> List.of(bucket(TEN, 9, "7.5", 3),
                bucket(TEN.plus(Duration.ofHours(1)), 1, "0", 0));

        List<TimeSeriesPoint> points = TimeSeries.of(query, readModel);

        assertThat(points.get(0).roundsPerMinute()).isEqualByComparingTo("0.2");
        assertThat(points.get(0).averageCrashMultiplier()).isEqualByComparingTo("2.5");    // 7.5 / 3
        assertThat(points.get(1).roundsPerMinute()).isEqualByComparingTo("0.016667");      // 1 / 60, half up
        assertThat(points.get(1).averageCrashMultiplier()).isNull();
    }

    @Test
    void roundsPerMinuteAreRoundedOnceToSixDecimalsHalfUp() {
        assertThat(TimeSeriesPoint.roundsPerMinute(3, 210_000)).isEqualByComparingTo("0.857143");  // 3 / 3.5 minutes
        assertThat(TimeSeriesPoint.roundsPerMinute(1, 3_600_000)).isEqualByComparingTo("0.016667"); // 1 / 60
        assertThat(TimeSeriesPoint.roundsPerMinute(1, 120_000_000_000L))                           // 1 / 2,000,000
                .isEqualByComparingTo("0.000001");                                                  // 0.0000005 up
        assertThat(TimeSeriesPoint.roundsPerMinute(90, 60_000)).isEqualByComparingTo("90");
        assertThat(TimeSeriesPoint.roundsPerMinute(90, 60_000).scale()).isEqualTo(6);
    }

    @Test
    void anAnswerOfMoreThanTheRowLimitIsRefused() {
        TimeSeriesQuery query = query(TEN, TEN.plus(Duration.ofHours(1)), TimeBucket.MINUTE);
        TimeSeriesReadModel tooMany = (asked, limit) -> {
            List<TimeSeriesBucket> rows = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                rows.add(bucket(TEN, 1, "0", 0));
            }
            return rows;
        };

        assertThatThrownBy(() -> TimeSeries.of(query, tooMany))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.violations().get(0).field()).isEqualTo("groupBy");
                    assertThat(refused.violations().get(0).rule()).isEqualTo("TOO_MANY_POINTS");
                });
        assertThat(TimeSeries.of(query, (asked, limit) -> List.of())).isEmpty();
    }

    @Test
    void aBotKeysFilterKeepsOnlyItsOwnBots() {
        assertThat(TimeSeriesFilter.EVERYTHING.within(List.of("a")).botIds()).containsExactly("a");
        TimeSeriesFilter asked = new TimeSeriesFilter(List.of("a", "b"), null, "aviator", null, null,
                TradeTypeFilter.DEFAULT);
        assertThat(asked.within(List.of("b", "c")).botIds()).containsExactly("b");
        assertThat(asked.within(List.of("c")).botIds()).isEmpty();
    }
}
