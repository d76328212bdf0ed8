package com.crashanalytics.domain.analytics.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A "reaches x" signal judged against the game's own odds P(crash ≥ x) = RTP / x, and by the value of acting on it. */
class SignalBaselineTest {

    private static final BigDecimal RTP = new BigDecimal("0.97");

    private static SignalOutcome signal(double confidence, boolean reached, String target) {
        return new SignalOutcome("ml", confidence, reached, new BigDecimal(target), RTP);
    }

    private static SignalScore score(List<SignalOutcome> signals) {
        return signals.stream().reduce(SignalScore.NONE, SignalScore::with, SignalScore::plus);
    }

    /**
     * A model that knows nothing and always says RTP / x: 0.485 at 2x, 0.097 at 10x. Four rounds, one hit (a 2x).
     * Pooled hit rate b = 1/4: baseline Brier b(1 − b) = 0.1875. The model's Brier:
     * (0.515² + 0.485² + 0.097² + 0.097²) / 4 = (0.265225 + 0.235225 + 0.009409 + 0.009409) / 4 = 0.129817, so against the
     * pooled rate it shows skill 1 − 0.129817 / 0.1875 ≈ 0.30764; against the game's odds its Brier is the baseline
     * itself: skill exactly 0.
     */
    @Test
    void aModelThatOnlyKnowsTheHouseEdgeHasNoSkillAgainstTheTheoreticalBaseline() {
        SignalScore score = score(List.of(signal(0.485, true, "2"), signal(0.485, false, "2"),
                signal(0.097, false, "10"), signal(0.097, false, "10")));

        assertThat(score.brierSkillScore()).isCloseTo(1 - 0.129817 / 0.1875, within(1e-9));
        assertThat(score.theoreticalBrierScore()).isCloseTo(0.129817, within(1e-12));
        assertThat(score.theoreticalBrierSkillScore()).isCloseTo(0.0, within(1e-12));
    }

    /**
     * <pre>
     * confidence  x    reached  RTP / x  (RTP/x − hit)²  (conf − hit)²  fires?  P/L per unit if bet at x
     * 0.8         2    yes      0.485    0.265225        0.04           yes     +1
     * 0.6         2    no       0.485    0.235225        0.36           yes     −1
     * 0.2         10   no       0.097    0.009409        0.04           no
     * 0.3         10   yes      0.097    0.815409        0.49           no
     * </pre>
     * Theoretical Brier 1.325268 / 4 = 0.331317; the model's 0.93 / 4 = 0.2325: skill 1 − 0.2325 / 0.331317. Against the
     * pooled hit rate 1/2 (baseline 0.25): 1 − 0.2325 / 0.25 = 0.07. Acting on it: 2 bets, (+1 − 1) / 2 = 0.000000 per
     * unit, against 0 for not betting and RTP − 1 = −0.030000 for the same bets by the odds alone.
     */
    @Test
    void theTheoreticalBaselineAndTheValueOfActingOnTheSignal() {
        SignalScore score = score(List.of(signal(0.8, true, "2"), signal(0.6, false, "2"),
                signal(0.2, false, "10"), signal(0.3, true, "10")));

        assertThat(score.theoreticalBrierScore()).isCloseTo(0.331317, within(1e-12));
        assertThat(score.theoreticalBrierSkillScore()).isCloseTo(1 - 0.2325 / 0.331317, within(1e-9));
        assertThat(score.brierSkillScore()).isCloseTo(0.07, within(1e-9));
        assertThat(score.actedSignals()).isEqualTo(2);
        assertThat(score.profitPerUnitWhenActing()).isEqualByComparingTo("0.000000");
        assertThat(score.theoreticalProfitPerUnit()).isEqualByComparingTo("-0.030000");
    }

    @Test
    void withoutTheTargetOrTheOddsTheTheoreticalFiguresAreNull() {
        SignalScore score = score(List.of(new SignalOutcome("ml", 0.9, true)));

        assertThat(score.theoreticalBrierScore()).isNull();
        assertThat(score.profitPerUnitWhenActing()).isNull();
    }
}
