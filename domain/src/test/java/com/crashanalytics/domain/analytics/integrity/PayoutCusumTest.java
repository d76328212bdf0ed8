package com.crashanalytics.domain.analytics.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PayoutCusumTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-01");

    @Test
    void flagsTheDayTheHitRateFellAndLaterTheDayItRose() {
        // RTP 1, target 2: p₀ = 0.5. Shift 0.5: p↓ = 0.25, p↑ = 0.75.
        // Fell: a hit adds ln(0.25/0.5) = −0.693147, a miss ln(0.75/0.5) = +0.405465.
        // Rose: a hit adds ln(0.75/0.5) = +0.405465, a miss ln(0.25/0.5) = −0.693147.
        // Day 1, 2 hits of 4: both 2·(−0.693147) + 2·0.405465 = −0.575364 → 0.
        // Day 2, 0 of 4: fell 4·0.405465 = 1.621860 ≥ 1.5: flagged (PAYOUT_FELL); rose 4·(−0.693147) → 0.
        // Day 3, 4 of 4: fell 1.621860 − 2.772589 → 0; rose 1.621860 (also over, but the flag keeps day 2).
        PayoutCusum cusum = PayoutCusum.of(BigDecimal.ONE, new BigDecimal("2.00"), 0.5, 1.5, List.of(
                new DayTally(DAY, 4, 2), new DayTally(DAY.plusDays(1), 4, 0), new DayTally(DAY.plusDays(2), 4, 4)));

        assertThat(cusum.hitProbability()).isEqualTo(0.5);
        assertThat(cusum.days()).hasSize(3);
        assertThat(cusum.days().get(0).fellStatistic()).isZero();
        assertThat(cusum.days().get(0).roseStatistic()).isZero();
        assertThat(cusum.days().get(0).expectedHits()).isEqualTo(2.0);
        assertThat(cusum.days().get(1).fellStatistic()).isCloseTo(1.621860, within(1e-6));
        assertThat(cusum.days().get(1).roseStatistic()).isZero();
        assertThat(cusum.days().get(2).fellStatistic()).isZero();
        assertThat(cusum.days().get(2).roseStatistic()).isCloseTo(1.621860, within(1e-6));
        assertThat(cusum.flaggedOn()).isEqualTo(DAY.plusDays(1));
        assertThat(cusum.direction()).isEqualTo(ShiftDirection.PAYOUT_FELL);
    }

    @Test
    void aFairPathNeverCrossesTheThreshold() {
        // RTP 0.97, target 2: p₀ = 0.485. 1000 rounds a day with 485 hits is exactly fair: each day's LLR is
        // −1000·KL(p₀‖p₁) < 0, so both statistics stay at 0.
        PayoutCusum cusum = PayoutCusum.of(new BigDecimal("0.97"), new BigDecimal("2.00"), 0.1, 5, List.of(
                new DayTally(DAY, 1000, 485), new DayTally(DAY.plusDays(1), 1000, 485)));

        assertThat(cusum.hitProbability()).isCloseTo(0.485, within(1e-15));
        assertThat(cusum.days()).allSatisfy(day -> {
            assertThat(day.fellStatistic()).isZero();
            assertThat(day.roseStatistic()).isZero();
        });
        assertThat(cusum.flaggedOn()).isNull();
        assertThat(cusum.direction()).isNull();
    }

    @Test
    void evidenceAccumulatesAcrossDaysBelowTheThreshold() {
        // p₀ = 0.5, shift 0.5, threshold 1.5: one miss a day adds 0.405465 to fell: 0.405465, 0.810930, 1.216395,
        // then 1.621860 on day 4, the flag.
        PayoutCusum cusum = PayoutCusum.of(BigDecimal.ONE, new BigDecimal("2"), 0.5, 1.5, List.of(
                new DayTally(DAY, 1, 0), new DayTally(DAY.plusDays(1), 1, 0), new DayTally(DAY.plusDays(2), 1, 0),
                new DayTally(DAY.plusDays(3), 1, 0)));

        assertThat(cusum.days().get(2).fellStatistic()).isCloseTo(1.216395, within(1e-6));
        assertThat(cusum.flaggedOn()).isEqualTo(DAY.plusDays(3));
    }
}
