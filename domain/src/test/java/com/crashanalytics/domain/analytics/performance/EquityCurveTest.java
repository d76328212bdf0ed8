package com.crashanalytics.domain.analytics.performance;

import static com.crashanalytics.domain.analytics.performance.Rounds.minute;
import static com.crashanalytics.domain.analytics.performance.Rounds.round;
import static com.crashanalytics.domain.round.RoundOutcome.LOSS;
import static com.crashanalytics.domain.round.RoundOutcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class EquityCurveTest {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @Test
    void aFallStartsFromTheLatestVisitToThePeak() {
        // levels 100 → 110 (#1) → 105 (#2) → 110 (#3) → 90 (#4): the peak 110 was last stood at after #3
        RoundSeries series = RoundSeries.of(
                round(1, WIN, "10", "10", null), round(2, LOSS, "5", "-5", null),
                round(3, WIN, "5", "5", null), round(4, LOSS, "20", "-20", null));

        EquityCurve curve = EquityCurve.of(series, HUNDRED);

        // 20 × 100 / 110 = 18.181818… → 18.1818
        assertThat(curve.maxDrawdown()).isEqualTo(new Drawdown(new BigDecimal("20"), new BigDecimal("18.1818"),
                minute(3), minute(4)));
        assertThat(curve.peakLevel()).isEqualByComparingTo("110");
        assertThat(curve.finalLevel()).isEqualByComparingTo("90");
    }

    @Test
    void ofEqualFallsTheEarliestTroughIsTheMaxDrawdown() {
        // levels 100 → 90 (#1) → 100 (#2) → 90 (#3): two falls of 10; the first from the starting level itself
        RoundSeries series = RoundSeries.of(
                round(1, LOSS, "10", "-10", null), round(2, WIN, "10", "10", null), round(3, LOSS, "10", "-10", null));

        EquityCurve curve = EquityCurve.of(series, HUNDRED);

        assertThat(curve.maxDrawdown()).isEqualTo(new Drawdown(BigDecimal.TEN, new BigDecimal("10.0000"), null, minute(1)));
        // the current one started when the level was back at 100 after #2
        assertThat(curve.currentDrawdown()).isEqualTo(new Drawdown(BigDecimal.TEN, new BigDecimal("10.0000"),
                minute(2), minute(3)));
    }

    @Test
    void backAtThePeakThereIsNoCurrentDrawdown() {
        // levels 100 → 90 → 100
        RoundSeries series = RoundSeries.of(round(1, LOSS, "10", "-10", null), round(2, WIN, "10", "10", null));

        EquityCurve curve = EquityCurve.of(series, HUNDRED);

        assertThat(curve.currentDrawdown()).isEqualTo(new Drawdown(BigDecimal.ZERO, new BigDecimal("0.0000"), null, null));
        assertThat(curve.maxDrawdown().isNone()).isFalse();
    }

    @Test
    void losingMoreThanTheCapitalIsMoreThanAHundredPercent() {
        // capital 10 but a loss of 15 logged (money was added without being logged): 15 × 100 / 10 = 150 %
        RoundSeries series = RoundSeries.of(round(1, LOSS, "15", "-15", null));

        assertThat(EquityCurve.of(series, BigDecimal.TEN).maxDrawdown().percentOfPeak())
                .isEqualTo(new BigDecimal("150.0000"));
    }

    @Test
    void aCapitalOfZeroGivesNoPercentage() {
        RoundSeries series = RoundSeries.of(round(1, LOSS, "0", "0", null));

        assertThat(EquityCurve.of(series, BigDecimal.ZERO).maxDrawdown().percentOfPeak()).isNull();
    }
}
