package com.crashanalytics.domain.analytics.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The replay over reached/not-reached bits (integer units of 10⁻⁸, the fast path the gateway takes) gives exactly the
 * figures of the decimal replay over the crash points, for every staking system, with ruins and fractional stakes,
 * and falls back to decimals when an amount outgrows a {@code long}.
 */
class ReplayInUnitsTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    /** Fair crash points (P(crash ≥ x) = 0.97 / x) to 2 decimals, seeded. */
    private static List<RecordedCrash> crashPoints(long seed, int count) {
        Random random = new Random(seed);
        List<RecordedCrash> crashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double crash = Math.max(1.0, Math.floor(97 / (100 * (1 - random.nextDouble())) * 100) / 100);
            crashes.add(new RecordedCrash(START.plusSeconds(15L * i), BigDecimal.valueOf(crash).setScale(2,
                    java.math.RoundingMode.DOWN)));
        }
        return crashes;
    }

    private static ReachedTargets reached(List<RecordedCrash> crashes, BigDecimal target) {
        StringBuilder digits = new StringBuilder();
        crashes.forEach(crash -> digits.append(crash.multiplier().compareTo(target) >= 0 ? '1' : '0'));
        return ReachedTargets.ofDigits(digits);
    }

    private static void assertSameRun(StakingRule rule, BigDecimal initialBalance, List<RecordedCrash> crashes) {
        ReplayedRun decimal = ReplayedRun.of(rule, initialBalance, crashes);
        ReplayedRun fast = ReplayedRun.of(rule, initialBalance, reached(crashes, rule.target()),
                position -> crashes.get(position).startedAt());
        assertThat(fast).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(decimal);
    }

    @Test
    void everySystemAgreesWithTheDecimalReplay() {
        List<StakingRule> rules = List.of(
                new FixedTargetStaking(money("1"), money("1.33")),
                new FixedTargetStaking(money("0.37"), money("10")),
                new MartingaleStaking(money("1"), money("2.00"), money("2"), 3),
                new MartingaleStaking(money("0.1"), money("1.5"), money("2.5"), 6),
                new ParoliStaking(money("0.25"), money("2"), 3),
                new DAlembertStaking(money("1"), money("1.97"), money("0.33333333")));
        for (long seed = 1; seed <= 20; seed++) {
            List<RecordedCrash> crashes = crashPoints(seed, 2_000);
            for (StakingRule rule : rules) {
                assertSameRun(rule, money("50"), crashes);   // ruin often comes within 2,000 rounds
                assertSameRun(rule, money("100000.12345678"), crashes); // never ruined
            }
        }
    }

    @Test
    void aRuinIsDatedByTheCrashPointThatCausedIt() {
        // From 3 at stake 1 on 2x: three losses leave 0, below the base stake, at the third crash point.
        List<RecordedCrash> crashes = crashPoints(7, 0);
        for (int i = 0; i < 5; i++) {
            crashes.add(new RecordedCrash(START.plusSeconds(60L * i), money("1.10")));
        }
        ReplayedRun run = ReplayedRun.of(new FixedTargetStaking(money("1"), money("2")), money("3"),
                reached(crashes, money("2")), position -> crashes.get(position).startedAt());
        assertThat(run.ruined()).isTrue();
        assertThat(run.rounds()).isEqualTo(3);
        assertThat(run.ruinedAt()).isEqualTo(START.plusSeconds(120));
        assertThat(run.maxDrawdownPercent()).isEqualByComparingTo("100");
        assertSameRun(new FixedTargetStaking(money("1"), money("2")), money("3"), crashes);
    }

    @Test
    void stakesBeyondALongFallBackToDecimalsWithTheSameFigures() {
        // Factor 100 with a cap of 8 stakes up to 10^16, 10^24 units of 10⁻⁸: beyond a long.
        assertSameRun(new MartingaleStaking(money("1"), money("1.01"), money("100"), 8),
                money("99999999999999999999"), crashPoints(3, 500));
    }
}
