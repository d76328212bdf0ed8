package com.crashanalytics.simulator.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.crash.SeededCrashPoints;
import com.crashanalytics.simulator.strategy.FixedTarget;
import org.junit.jupiter.api.Test;

/**
 * What the bot observes, over 50,000 rounds with fixed seeds: misreads, errors and signals at the configured rates
 * and skill, within stated bounds (about 5 standard errors).
 */
class ObservationTest {

    private static final int ROUNDS = 50_000;
    private static final BigDecimal TWO = new BigDecimal("2");
    private static final CrashDistribution LAW = CrashDistribution.STANDARD;

    @Test
    void theOcrMisreadsAtTheConfiguredRateAndInBothWays() {
        List<SimulatedRound> rounds = play(SimulationSettings.DEFAULTS.withOcrMisreadRate(0.05).withErrorRate(0));

        List<OcrRead> misreads = rounds.stream().map(SimulatedRound::crashRead).filter(read -> !read.isCorrect()).toList();
        // 5%; standard error √(0.05 · 0.95 / 50000) ≈ 0.1 pp.
        assertThat((double) misreads.size() / ROUNDS).isCloseTo(0.05, within(0.005));
        for (SimulatedRound round : rounds) {
            OcrRead read = round.crashRead();
            String shown = round.crashMultiplier().toPlainString();
            if (read.misread() == null) {
                assertThat(read.rawText()).isEqualTo(shown + "x");
                assertThat(read.value()).isEqualTo(round.crashMultiplier());
            } else if (read.misread() == OcrMisread.DROPPED_DECIMAL_POINT) {
                // 2.45 → 245: a hundred times the truth.
                assertThat(read.value()).isEqualByComparingTo(round.crashMultiplier().movePointRight(2));
                assertThat(read.rawText()).isEqualTo(shown.replace(".", "") + "x");
            } else {
                // The same digits in another order, the point where it was.
                assertThat(read.value()).isNotEqualByComparingTo(round.crashMultiplier());
                assertThat(sorted(read.rawText())).isEqualTo(sorted(shown + "x"));
                assertThat(read.rawText().indexOf('.')).isEqualTo(shown.indexOf('.'));
            }
        }
        assertThat(misreads).extracting(OcrRead::misread)
                .contains(OcrMisread.DROPPED_DECIMAL_POINT, OcrMisread.SWAPPED_DIGITS);
        double meanCorrect = rounds.stream().map(SimulatedRound::crashRead).filter(OcrRead::isCorrect)
                .mapToDouble(OcrRead::confidence).average().orElseThrow();
        double meanMisread = misreads.stream().mapToDouble(OcrRead::confidence).average().orElseThrow();
        assertThat(meanMisread).as("misreads come with lower confidence on average").isLessThan(meanCorrect - 0.2);
    }

    @Test
    void noMisreadsWhenTheRateIsZero() {
        assertThat(play(SimulationSettings.DEFAULTS.withOcrMisreadRate(0).withErrorRate(0)))
                .allMatch(round -> round.crashRead().isCorrect());
    }

    @Test
    void errorsHappenAtTheConfiguredRateAndCostNothing() {
        List<SimulatedRound> rounds = play(SimulationSettings.DEFAULTS.withErrorRate(0.02));

        List<SimulatedRound> errors = rounds.stream().filter(r -> r.outcome() == RoundOutcome.ERROR).toList();
        // 2%; standard error ≈ 0.063 pp.
        assertThat((double) errors.size() / ROUNDS).isCloseTo(0.02, within(0.003));
        assertThat(errors).allMatch(r -> r.profitLoss().signum() == 0 && r.stake().signum() == 0 && r.error() != null);
        assertThat(rounds).filteredOn(r -> r.outcome() != RoundOutcome.ERROR).allMatch(r -> r.error() == null);
    }

    @Test
    void aModelWithoutSkillScoresLikeTheBaseRate() {
        List<SimulatedRound> rounds = play(SimulationSettings.DEFAULTS.withSignalSkill(0));

        // Base rate for 2x: p0 = 0.485, Brier p0(1 − p0) ≈ 0.2498; the model adds noise 0.05² = 0.0025.
        assertThat(brier(rounds)).isCloseTo(baseRateBrier(rounds) + 0.0025, within(0.003));
        assertThat(meanConfidence(rounds)).isCloseTo(0.485, within(0.003));
    }

    @Test
    void aModelWithSkillScoresMeasurablyBetter() {
        List<SimulatedRound> rounds = play(SimulationSettings.DEFAULTS.withSignalSkill(0.2));

        // (1 − 0.2)² · 0.2498 + 0.0025 ≈ 0.1624, against ≈ 0.2498 for the base rate.
        assertThat(brier(rounds)).isCloseTo(0.1624, within(0.005));
        assertThat(brier(rounds)).isLessThan(baseRateBrier(rounds) - 0.05);
        assertThat(rounds).allMatch(r -> r.signal().confidence() >= 0 && r.signal().confidence() <= 1);
        assertThat(rounds).extracting(r -> r.signal().signalType()).containsOnly("pre_flight");
    }

    private static List<SimulatedRound> play(SimulationSettings settings) {
        BotProfile bot = new BotProfile("observer", "observer", new FixedTarget(BigDecimal.ONE, TWO),
                new BigDecimal("1000000"), BigDecimal.ONE, BigDecimal.ONE, null);
        SessionSetup setup = new SessionSetup(bot, "observations", new GameTable("aviator", "dafabet"), ROUNDS,
                Instant.parse("2026-11-23T10:00:00Z"));
        SimulatedSession session = new SessionSimulator(settings)
                .run(setup, new SeededCrashPoints(LAW, 99L), new SplittableRandom(2026L));
        assertThat(session.rounds()).hasSize(ROUNDS);
        return session.rounds();
    }

    private static double brier(List<SimulatedRound> rounds) {
        return rounds.stream().mapToDouble(r -> square(r.signal().confidence() - reached(r))).average().orElseThrow();
    }

    private static double baseRateBrier(List<SimulatedRound> rounds) {
        return rounds.stream().mapToDouble(r -> square(LAW.probabilityAtLeast(TWO) - reached(r))).average().orElseThrow();
    }

    private static double meanConfidence(List<SimulatedRound> rounds) {
        return rounds.stream().mapToDouble(r -> r.signal().confidence()).average().orElseThrow();
    }

    private static double reached(SimulatedRound round) {
        return round.crashMultiplier().compareTo(TWO) >= 0 ? 1 : 0;
    }

    private static double square(double x) {
        return x * x;
    }

    private static String sorted(String text) {
        return text.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
