package com.crashanalytics.domain.analytics.ruin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import com.crashanalytics.domain.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class RiskOfRuinTest {

    private static final BigDecimal RTP = new BigDecimal("0.97");
    // a cash-out at 2x on RTP 0.97: p = 0.485, q = 0.515
    private static final double P = 0.485;
    private static final double Q = 0.515;

    private static StakingRule fixed(String stake, String target) {
        return new StakingRule(new BigDecimal(stake), new BigDecimal(target), StakeChange.reset(), StakeChange.reset(), 10);
    }

    private static StakingRule martingale(String stake, String target) {
        return new StakingRule(new BigDecimal(stake), new BigDecimal(target), StakeChange.reset(),
                StakeChange.times(new BigDecimal("2")), 10);
    }

    @Test
    void aFixedStakeGoesBustOnlyOnEnoughLossesInARow() {
        // Balance 3, stake 1 at 2x: a loss −1, a win +1; bust at balance 0. Within 3 bets only LLL: q³.
        RiskOfRuin risk = RiskOfRuin.of(new BigDecimal("3"), fixed("1", "2"), RTP, 3, 10, 1);

        assertThat(risk.method()).isEqualTo(RuinMethod.EXACT);
        assertThat(risk.winProbability()).isCloseTo(P, within(1e-15));
        assertThat(risk.probabilityOfRuin()).isCloseTo(0.136590875, within(1e-12)); // 0.515³
        assertThat(risk.medianRoundsToRuin()).isNull();
        assertThat(risk.simulations()).isNull();
        assertThat(risk.standardError()).isNull();
    }

    @Test
    void aFixedStakeWithinFiveBetsAddsThePathsThatWinOnceFirst() {
        // Bust at 5 after exactly one win among the first four without touching 0 before: WLLLL, LWLLL, LLWLL
        // (LLLWL was bust at 3). P = q³ + 3·p·q⁴ = 0.136590875 + 3 · 0.485 · 0.070344300625 = 0.238941832409375.
        // Bust at an even count is impossible (parity), so 4 bets give q³ too.
        assertThat(RiskOfRuin.of(new BigDecimal("3"), fixed("1", "2"), RTP, 5, 10, 1).probabilityOfRuin())
                .isCloseTo(0.238941832409375, within(1e-12));
        assertThat(RiskOfRuin.of(new BigDecimal("3"), fixed("1", "2"), RTP, 4, 10, 1).probabilityOfRuin())
                .isCloseTo(0.136590875, within(1e-12));
    }

    @Test
    void aFixedStakeAtAFractionalTargetAndItsMedian() {
        // Balance 1, stake 1 at 1.5x (p = 0.97 / 1.5): a loss at once is bust (q); a win makes 1.5, and a loss then
        // leaves 0.5 < 1, bust too (p·q). P(bust by 1) = q = 0.35333… < 1/2, P(bust by 2) = q + p·q ≥ 1/2: median 2.
        double p = 0.97 / 1.5;
        double q = 1 - p;
        RiskOfRuin risk = RiskOfRuin.of(new BigDecimal("1"), fixed("1", "1.5"), RTP, 2, 10, 1);

        assertThat(risk.probabilityOfRuin()).isCloseTo(q + p * q, within(1e-12));
        assertThat(risk.medianRoundsToRuin()).isEqualTo(2);
    }

    @Test
    void aBalanceBelowTheStakeIsBustAlready() {
        RiskOfRuin risk = RiskOfRuin.of(new BigDecimal("0.5"), fixed("1", "2"), RTP, 100, 10, 1);

        assertThat(risk.probabilityOfRuin()).isEqualTo(1.0);
        assertThat(risk.medianRoundsToRuin()).isZero();
    }

    @Test
    void aMartingaleThatCanAlwaysDoubleWithinTheHorizonNeverGoesBust() {
        // Balance 7, stakes 1, 2 after a loss: after LL the balance is 4, which covers the next stake 4. Every run of
        // the simulation survives 2 bets, whatever the seed.
        RiskOfRuin risk = RiskOfRuin.of(new BigDecimal("7"), martingale("1", "2"), RTP, 2, 1000, 42);

        assertThat(risk.method()).isEqualTo(RuinMethod.SIMULATION);
        assertThat(risk.probabilityOfRuin()).isZero();
        assertThat(risk.simulations()).isEqualTo(1000);
        assertThat(risk.seed()).isEqualTo(42);
        assertThat(risk.standardError()).isZero();
    }

    @Test
    void aMartingaleGoesBustOnThreeLossesInARowFromSeven() {
        // Balance 7: LLL loses 1 + 2 + 4 and leaves 0 against a next stake of 8: bust at 3. Any win resets to 1 with
        // the balance at least 6, which three bets cannot exhaust. Exact P = q³ = 0.136590875; 100,000 seeded runs
        // land within 4 standard errors (4 · √(P(1 − P) / 100000) ≈ 0.0043).
        RiskOfRuin risk = RiskOfRuin.of(new BigDecimal("7"), martingale("1", "2"), RTP, 3, 100_000, 7);

        assertThat(risk.probabilityOfRuin()).isCloseTo(Q * Q * Q, within(4 * risk.standardError()));
        assertThat(risk.standardError()).isCloseTo(Math.sqrt(0.136590875 * (1 - 0.136590875) / 100_000), within(1e-4));
        assertThat(risk.medianRoundsToRuin()).isNull();
    }

    @Test
    void theSameSeedGivesTheSameAnswerAndAnotherSeedAnotherDraw() {
        RiskOfRuin first = RiskOfRuin.of(new BigDecimal("20"), martingale("1", "2"), RTP, 200, 5000, 1);
        RiskOfRuin again = RiskOfRuin.of(new BigDecimal("20"), martingale("1", "2"), RTP, 200, 5000, 1);
        RiskOfRuin other = RiskOfRuin.of(new BigDecimal("20"), martingale("1", "2"), RTP, 200, 5000, 2);

        assertThat(again).isEqualTo(first);
        assertThat(other.probabilityOfRuin()).isNotEqualTo(first.probabilityOfRuin());
    }

    @Test
    void theSimulationAgreesWithTheExactAnswerForOneStake() {
        // The simulation run on a fixed stake (which the answer would work out exactly): within 4 standard errors.
        double exact = 0.238941832409375;
        int runs = 200_000;
        int[] bust = RiskOfRuin.simulate(3, fixed("1", "2"), P, 5, runs, 11);
        double estimate = (double) bust.length / runs;

        assertThat(estimate).isCloseTo(exact, within(4 * Math.sqrt(exact * (1 - exact) / runs)));
        assertThat(bust).containsOnly(3, 5);
    }

    @Test
    void aLongHorizonRunsFewerSimulationsToBoundTheCost() {
        RiskOfRuin risk = RiskOfRuin.of(new BigDecimal("1000"), martingale("1", "2"), RTP, 10_000, 100_000, 1);

        assertThat(risk.simulations()).isEqualTo(RiskOfRuin.MAX_SIMULATED_BETS / 10_000);
    }

    @Test
    void theRuleIsReadFromTheStakesAfterWinsAndLosses() {
        // after wins 9 of 10 went back to the base: a reset; after losses 2 of 8 did, the others doubled: × 2
        StakeChange afterWin = StakeChange.observed(10, 9, new BigDecimal("0.5"));
        StakeChange afterLoss = StakeChange.observed(8, 2, new BigDecimal("2"));

        assertThat(afterWin).isEqualTo(StakeChange.reset());
        assertThat(afterLoss).isEqualTo(StakeChange.times(new BigDecimal("2")));
        assertThat(StakeChange.observed(0, 0, BigDecimal.ONE)).isEqualTo(StakeChange.reset());
        assertThat(new StakingRule(BigDecimal.ONE, new BigDecimal("2"), afterWin, afterLoss, 18).family())
                .isEqualTo("MARTINGALE");
        assertThat(new StakingRule(BigDecimal.ONE, new BigDecimal("2"), afterLoss, afterWin, 18).family())
                .isEqualTo("PAROLI");
        assertThat(new StakingRule(BigDecimal.ONE, new BigDecimal("2"), StakeChange.times(BigDecimal.ONE),
                StakeChange.reset(), 18).family()).isEqualTo("FIXED");
    }

    @Test
    void aRequestOutsideTheBoundsNamesTheFieldAndTheRule() {
        assertThatThrownBy(() -> new RiskOfRuinQuery("bot-1", 0, 100_001, 1))
                .isInstanceOfSatisfying(InvalidInputException.class, error -> assertThat(error.violations())
                        .extracting(v -> v.field() + ":" + v.rule())
                        .containsExactly("rounds:RANGE", "simulations:RANGE"));
    }
}
