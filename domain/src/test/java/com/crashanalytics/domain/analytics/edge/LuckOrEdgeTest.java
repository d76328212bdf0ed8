package com.crashanalytics.domain.analytics.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class LuckOrEdgeTest {

    private static PlatformBetSums sums(String platform, long bets, String sum, String squares, String rtp) {
        return new PlatformBetSums("aviator", platform, bets, new BigDecimal(sum), new BigDecimal(squares),
                new BigDecimal(rtp));
    }

    @Test
    void threeWinsAtTwoXInFourBetsAreStillLuck() {
        // Returns per unit r = +1, −1, +1, +1 (cash-out at 2.00) on RTP 0.97: Σr = 2, Σr² = 4, n = 4.
        // r̄ = 0.5; s² = (4 − 2²/4) / 3 = 1; SE = 1/√4 = 0.5; house edge RTP − 1 = −0.03; excess 0.53.
        // z = 0.53 / 0.5 = 1.06; p = erfc(1.06/√2) = 0.289145 (2·(1 − Φ(1.06)), Φ(1.06) = 0.855428).
        // 95% CI 0.5 ± 1.959964·0.5 = [−0.479982, 1.479982].
        // To tell at 5%: 4·(1.959964/1.06)² = 13.68 → 14 bets, 10 more; at 1%: 4·(2.575829/1.06)² = 23.62 → 24, 20 more.
        LuckOrEdge answer = LuckOrEdge.of(List.of(sums("dafabet", 4, "2", "4", "0.97")));

        assertThat(answer.bets()).isEqualTo(4);
        assertThat(answer.meanReturnPerUnit()).isCloseTo(0.5, within(1e-12));
        assertThat(answer.houseEdgeReturnPerUnit()).isCloseTo(-0.03, within(1e-12));
        assertThat(answer.excessReturnPerUnit()).isCloseTo(0.53, within(1e-12));
        assertThat(answer.standardError()).isCloseTo(0.5, within(1e-12));
        assertThat(answer.zScore()).isCloseTo(1.06, within(1e-12));
        assertThat(answer.pValue()).isCloseTo(0.2891445993, within(1e-9));
        assertThat(answer.confidenceLow95()).isCloseTo(-0.479982, within(1e-6));
        assertThat(answer.confidenceHigh95()).isCloseTo(1.479982, within(1e-6));
        assertThat(answer.moreBetsToTellAt5Percent()).isEqualTo(10);
        assertThat(answer.moreBetsToTellAt1Percent()).isEqualTo(20);
        assertThat(answer.verdict()).isEqualTo(LuckVerdict.INDISTINGUISHABLE_FROM_LUCK);
    }

    @Test
    void theHouseEdgeIsWeightedByTheBetsOnEachPlatform() {
        // Two bets on RTP 0.97 (r = +1, −1) and two on RTP 0.99 (r = +1, +1): edge = (2·−0.03 + 2·−0.01) / 4 = −0.02.
        // Same returns as above, so z = (0.5 + 0.02) / 0.5 = 1.04, p = erfc(1.04/√2) = 0.298340.
        LuckOrEdge answer = LuckOrEdge.of(List.of(sums("a", 2, "0", "2", "0.97"), sums("b", 2, "2", "2", "0.99")));

        assertThat(answer.houseEdgeReturnPerUnit()).isCloseTo(-0.02, within(1e-12));
        assertThat(answer.zScore()).isCloseTo(1.04, within(1e-12));
        assertThat(answer.pValue()).isCloseTo(0.2983399007, within(1e-9));
        assertThat(answer.moreBetsToTellAt5Percent()).isEqualTo(11); // 4·(1.959964/1.04)² = 14.21 → 15
    }

    @Test
    void eightLossesInTenAreWorseThanTheHouseEdgeAndAlreadyTold() {
        // r = −1 ×8 and +0.5 ×2 (cash-out at 1.50): Σr = −7, Σr² = 8.5; r̄ = −0.7;
        // s² = (8.5 − 49/10) / 9 = 0.4; SE = √0.4 / √10 = 0.2; z = (−0.7 + 0.03) / 0.2 = −3.35; p = 0.000808.
        LuckOrEdge answer = LuckOrEdge.of(List.of(sums("dafabet", 10, "-7", "8.5", "0.97")));

        assertThat(answer.standardError()).isCloseTo(0.2, within(1e-12));
        assertThat(answer.zScore()).isCloseTo(-3.35, within(1e-9));
        assertThat(answer.pValue()).isCloseTo(0.0008081156, within(1e-9));
        assertThat(answer.moreBetsToTellAt5Percent()).isZero();
        assertThat(answer.moreBetsToTellAt1Percent()).isZero();
        assertThat(answer.verdict()).isEqualTo(LuckVerdict.WORSE_THAN_THE_HOUSE_EDGE);
    }

    @Test
    void noSpreadMeansNoTest() {
        assertThat(LuckOrEdge.of(List.of()).verdict()).isEqualTo(LuckVerdict.TOO_FEW_BETS);
        // One bet, or three identical ones: the spread is 0 or unknown.
        assertThat(LuckOrEdge.of(List.of(sums("d", 1, "1", "1", "0.97"))).pValue()).isNull();
        LuckOrEdge same = LuckOrEdge.of(List.of(sums("d", 3, "3", "3", "0.97")));
        assertThat(same.verdict()).isEqualTo(LuckVerdict.TOO_FEW_BETS);
        assertThat(same.meanReturnPerUnit()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aMeanExactlyOnTheHouseEdgeCanNeverBeTold() {
        // r = −0.03 ± 1: Σr = −0.06, Σr² = 2·(1.0009) = 2.0018 over two bets; r̄ = RTP − 1 exactly, z = 0, p = 1.
        LuckOrEdge answer = LuckOrEdge.of(List.of(sums("d", 2, "-0.06", "2.0018", "0.97")));

        assertThat(answer.zScore()).isZero();
        assertThat(answer.pValue()).isCloseTo(1.0, within(1e-12));
        assertThat(answer.moreBetsToTellAt5Percent()).isNull();
    }
}
