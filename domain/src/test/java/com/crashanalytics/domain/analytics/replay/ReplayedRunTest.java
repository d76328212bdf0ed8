package com.crashanalytics.domain.analytics.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.Violation;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ReplayedRunTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    /** Crash points one minute apart from 10:00. */
    static List<RecordedCrash> crashes(String... multipliers) {
        List<RecordedCrash> crashes = new ArrayList<>();
        for (int i = 0; i < multipliers.length; i++) {
            crashes.add(new RecordedCrash(START.plusSeconds(60L * i), new BigDecimal(multipliers[i])));
        }
        return crashes;
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void aMartingaleCappedAtThreeOverTenCrashPoints() {
        // Base 1, target 2.00, doubling, cap 3: stakes 1, 2, 4, 8. From 100:
        //  1.50 L  −1 →  99 (step 1)     6. 1.30 L −4 → 94 (step 3)
        //  1.20 L  −2 →  97 (step 2)     7. 1.90 L −8 → 86 (cap: back to step 0)   ← trough, 101 − 86 = 15
        //  3.00 W  +4 → 101 (step 0) ←peak 8. 2.00 W +1 → 87 (crash = target pays)
        //  1.10 L  −1 → 100 (step 1)     9. 5.00 W +1 → 88
        //  1.00 L  −2 →  98 (step 2)    10. 1.05 L −1 → 87
        // Staked 1+2+4+1+2+4+8+1+1+1 = 25; P/L −13; ROI −13·100/25 = −52%; drawdown 15 of 101 = 14.8515%.
        ReplayedRun run = ReplayedRun.of(new MartingaleStaking(money("1"), money("2.00"), money("2"), 3), money("100"),
                crashes("1.50", "1.20", "3.00", "1.10", "1.00", "1.30", "1.90", "2.00", "5.00", "1.05"));

        assertThat(run.crashPoints()).isEqualTo(10);
        assertThat(run.rounds()).isEqualTo(10);
        assertThat(run.wins()).isEqualTo(3);
        assertThat(run.losses()).isEqualTo(7);
        assertThat(run.totalStaked()).isEqualByComparingTo("25");
        assertThat(run.profitLoss()).isEqualByComparingTo("-13");
        assertThat(run.finalBalance()).isEqualByComparingTo("87");
        assertThat(run.roiPercent()).isEqualByComparingTo("-52.0000");
        assertThat(run.largestStake()).isEqualByComparingTo("8");
        assertThat(run.maxDrawdown()).isEqualByComparingTo("15");
        assertThat(run.maxDrawdownPercent()).isEqualByComparingTo("14.8515");
        assertThat(run.ruined()).isFalse();
        assertThat(run.ruinedAt()).isNull();
    }

    @Test
    void ruinStopsTheReplayAtTheRoundThatLeftLessThanTheBaseStake() {
        // From 10: −1 → 9, −2 → 7, −4 → 3, then 8 wanted, 3 left: −3 → 0 < 1. Ruined at the 4th crash (10:03).
        ReplayedRun run = ReplayedRun.of(new MartingaleStaking(money("1"), money("2.00"), money("2"), 3), money("10"),
                crashes("1.00", "1.00", "1.00", "1.00", "9.00", "9.00"));

        assertThat(run.rounds()).isEqualTo(4);
        assertThat(run.crashPoints()).isEqualTo(6);
        assertThat(run.totalStaked()).isEqualByComparingTo("10");
        assertThat(run.largestStake()).isEqualByComparingTo("4");
        assertThat(run.finalBalance()).isEqualByComparingTo("0");
        assertThat(run.maxDrawdownPercent()).isEqualByComparingTo("100.0000");
        assertThat(run.ruined()).isTrue();
        assertThat(run.ruinedAt()).isEqualTo(START.plusSeconds(180));
    }

    @Test
    void paroliBanksAfterThreeWins() {
        // Base 1 at 2.00: W +1 (then 2), W +2 (then 4), W +4 (banked: back to 1), W +1 (then 2), L −2. P/L +6.
        ReplayedRun run = ReplayedRun.of(new ParoliStaking(money("1"), money("2.00"), 3), money("50"),
                crashes("2.00", "2.50", "3.00", "2.00", "1.00"));

        assertThat(run.profitLoss()).isEqualByComparingTo("6");
        assertThat(run.totalStaked()).isEqualByComparingTo("10");
        assertThat(run.largestStake()).isEqualByComparingTo("4");
        // Peak 58 after the 4th round, then 56: drawdown 2 of 58 = 3.4483%.
        assertThat(run.maxDrawdown()).isEqualByComparingTo("2");
        assertThat(run.maxDrawdownPercent()).isEqualByComparingTo("3.4483");
    }

    @Test
    void dAlembertClimbsAUnitPerLossAndStepsDownAUnitPerWin() {
        // Base 1, unit 0.5 at 2.00: L −1 (1.5), L −1.5 (2), W +2 (1.5), L −1.5 (2), W +2 (1.5). P/L 0.
        ReplayedRun run = ReplayedRun.of(new DAlembertStaking(money("1"), money("2.00"), money("0.5")), money("20"),
                crashes("1.00", "1.99", "2.01", "1.50", "2.00"));

        assertThat(run.profitLoss()).isEqualByComparingTo("0");
        assertThat(run.totalStaked()).isEqualByComparingTo("8");
        assertThat(run.maxDrawdown()).isEqualByComparingTo("2.5");
    }

    @Test
    void aFixedTargetWinIsCutToEightDecimals() {
        // 0.33333333 × (1.33 − 1) = 0.1099999989 → 0.10999999 (a game never pays a fraction of a satoshi).
        ReplayedRun run = ReplayedRun.of(new FixedTargetStaking(money("0.33333333"), money("1.33")), money("1"),
                crashes("1.40"));

        assertThat(run.profitLoss()).isEqualByComparingTo("0.10999999");
    }

    @Test
    void aBalanceBelowTheBaseStakeIsRuinedBeforeTheFirstRound() {
        ReplayedRun run = ReplayedRun.of(new FixedTargetStaking(money("5"), money("2.00")), money("4"),
                crashes("3.00"));

        assertThat(run.rounds()).isZero();
        assertThat(run.ruined()).isTrue();
    }

    @Test
    void theQueryFillsTheClassicParametersAndNamesEveryBrokenRule() {
        StrategyReplayQuery martingale = query(StakingSystem.MARTINGALE, "1", "2.00", null, null, "100");
        assertThat(martingale.rule()).isEqualTo(new MartingaleStaking(money("1"), money("2.00"), money("2"), 3));
        assertThat(query(StakingSystem.DALEMBERT, "1", "2.00", null, null, "100").rule())
                .isEqualTo(new DAlembertStaking(money("1"), money("2.00"), money("1")));

        assertThatThrownBy(() -> query(StakingSystem.MARTINGALE, "0", "1.00", money("1"), -1, "100"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactlyInAnyOrder(
                                Tuple.tuple("baseStake", "POSITIVE"),
                                Tuple.tuple("target", "MIN_TARGET"),
                                Tuple.tuple("factor", "ABOVE_ONE"),
                                Tuple.tuple("maxSteps", "RANGE")));
        assertThatThrownBy(() -> query(StakingSystem.FIXED_TARGET, "10", "2.00", null, null, "5"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(Tuple.tuple("initialBalance", "COVERS_BASE_STAKE")));
    }

    @Test
    void aWindowOfMoreCrashPointsThanAReplayPlaysIsRefused() {
        StrategyReplayQuery query = query(StakingSystem.FIXED_TARGET, "1", "2.00", null, null, "100");
        query.checkCrashPoints(StrategyReplayQuery.MAX_CRASH_POINTS);

        assertThatThrownBy(() -> query.checkCrashPoints(StrategyReplayQuery.MAX_CRASH_POINTS + 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(Tuple.tuple("window", "TOO_MANY_CRASH_POINTS")));
    }

    private static StrategyReplayQuery query(StakingSystem system, String baseStake, String target, BigDecimal factor,
                                             Integer maxSteps, String initialBalance) {
        return new StrategyReplayQuery("aviator", "spribe", system, money(baseStake), money(target), factor, maxSteps,
                null, null, money(initialBalance), null, TimeWindow.ALL);
    }
}
