package com.crashanalytics.simulator.strategy;

import static com.crashanalytics.domain.round.RoundOutcome.ERROR;
import static com.crashanalytics.domain.round.RoundOutcome.LOSS;
import static com.crashanalytics.domain.round.RoundOutcome.SKIP;
import static com.crashanalytics.domain.round.RoundOutcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.crashanalytics.domain.round.RoundOutcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each strategy's steps and stakes over outcome sequences worked out by hand. */
class StrategyTest {

    private static final BigDecimal TEN = new BigDecimal("10");
    private static final BigDecimal TWO = new BigDecimal("2");

    @Nested
    class Fixed {

        private final FixedTarget compound = new FixedTarget(TEN, new BigDecimal("1.33"));

        @Test
        void betsTheSameStakeAtTheSameTargetWhateverHappens() {
            assertThat(stakesOver(compound, LOSS, LOSS, WIN, SKIP, ERROR))
                    .containsExactly("10", "10", "10", "10", "10", "10");
            assertThat(compound.target()).isEqualByComparingTo("1.33");
        }

        @Test
        void isNamedAfterItsTarget() {
            assertThat(compound.name()).isEqualTo("fixed_1.33x");
            assertThat(new FixedTarget(TEN, new BigDecimal("2.00")).name()).isEqualTo("fixed_2x");
        }
    }

    @Nested
    class MartingaleWithACap {

        private final Martingale martingale = Martingale.doubling(TEN, TWO, 3);

        @Test
        void doublesAfterEachLossAndResetsAfterAWin() {
            // L: 10 → 20, L: 20 → 40, W: back to 10, L: 10 → 20
            assertThat(stakesOver(martingale, LOSS, LOSS, WIN, LOSS)).containsExactly("10", "20", "40", "10", "20");
        }

        @Test
        void acceptsTheLossAndResetsOnceTheCapIsReached() {
            // steps 0, 1, 2, 3 (the cap): 10, 20, 40, 80; a loss at step 3 resets to 10.
            assertThat(stepsOver(martingale, LOSS, LOSS, LOSS, LOSS, LOSS)).containsExactly(0, 1, 2, 3, 0, 1);
            assertThat(stakesOver(martingale, LOSS, LOSS, LOSS, LOSS)).containsExactly("10", "20", "40", "80", "10");
        }

        @Test
        void skipsAndErrorsLeaveTheStepAlone() {
            assertThat(stepsOver(martingale, LOSS, SKIP, ERROR, LOSS)).containsExactly(0, 1, 1, 1, 2);
        }

        @Test
        void anotherFactorEscalatesByIt() {
            Martingale gentle = new Martingale(TEN, new BigDecimal("3"), new BigDecimal("1.5"), 4);
            // 10, 15, 22.5, 33.75, 50.625
            assertThat(stakesOver(gentle, LOSS, LOSS, LOSS, LOSS)).containsExactly("10", "15", "22.5", "33.75", "50.625");
            assertThat(gentle.name()).isEqualTo("martingale_3x_x1.5_cap4");
        }

        @Test
        void isNamedAfterItsTargetAndCap() {
            assertThat(martingale.name()).isEqualTo("martingale_2x_cap3");
            assertThat(martingale.parameters()).containsEntry("maxSteps", "3").containsEntry("factor", "2");
        }
    }

    @Nested
    class ParoliUpToThreeWins {

        private final Paroli paroli = new Paroli(TEN, TWO, 3);

        @Test
        void doublesAfterEachWinAndBanksAfterThree() {
            // W: 10 → 20, W: 20 → 40, W (third): bank, back to 10, W: 20
            assertThat(stakesOver(paroli, WIN, WIN, WIN, WIN)).containsExactly("10", "20", "40", "10", "20");
        }

        @Test
        void goesBackToTheBaseStakeAfterALoss() {
            assertThat(stakesOver(paroli, WIN, LOSS, LOSS, WIN, SKIP, WIN))
                    .containsExactly("10", "20", "10", "10", "20", "20", "40");
        }

        @Test
        void isNamedAfterItsTargetAndWins() {
            assertThat(paroli.name()).isEqualTo("paroli_2x_3wins");
        }
    }

    @Nested
    class DAlembertByUnits {

        private final DAlembert dalembert = DAlembert.withUnitOfBaseStake(TEN, TWO);

        @Test
        void addsAUnitAfterALossAndTakesOneAwayAfterAWin() {
            // L: 10 → 20, L: 20 → 30, W: 30 → 20, L: 20 → 30, W: 20, W: 10
            assertThat(stakesOver(dalembert, LOSS, LOSS, WIN, LOSS, WIN, WIN))
                    .containsExactly("10", "20", "30", "20", "30", "20", "10");
        }

        @Test
        void neverGoesBelowTheBaseStake() {
            assertThat(stakesOver(dalembert, WIN, WIN, LOSS, WIN, WIN)).containsExactly("10", "10", "10", "20", "10", "10");
        }

        @Test
        void aSmallerUnitMovesInSmallerSteps() {
            DAlembert fine = new DAlembert(TEN, TWO, new BigDecimal("2.5"));
            assertThat(stakesOver(fine, LOSS, LOSS, WIN)).containsExactly("10", "12.5", "15", "12.5");
        }
    }

    @Test
    void refusesParametersNoGameTakes() {
        assertThatThrownBy(() -> new FixedTarget(BigDecimal.ZERO, TWO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedTarget(TEN, new BigDecimal("1.00"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedTarget(TEN, new BigDecimal("1.333"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedTarget(new BigDecimal("0.000000001"), TWO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Martingale(TEN, TWO, BigDecimal.ONE, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Martingale.doubling(TEN, TWO, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Paroli(TEN, TWO, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The stake before each outcome and after the last: one more than there are outcomes. */
    private static List<String> stakesOver(Strategy strategy, RoundOutcome... outcomes) {
        return stepsOver(strategy, outcomes).stream()
                .map(step -> strategy.stakeAt(step).stripTrailingZeros().toPlainString())
                .toList();
    }

    private static List<Integer> stepsOver(Strategy strategy, RoundOutcome... outcomes) {
        List<Integer> steps = new ArrayList<>();
        int step = Strategy.FIRST_STEP;
        steps.add(step);
        for (RoundOutcome outcome : outcomes) {
            step = strategy.stepAfter(step, outcome);
            steps.add(step);
        }
        return steps;
    }
}
