package com.crashanalytics.domain.analytics.signals;

import java.math.BigDecimal;

import com.crashanalytics.domain.common.Ratios;
import org.jspecify.annotations.Nullable;

/**
 * How well a group of signals predicted (all signals of a type, or those in one confidence bucket), next to the
 * baseline of a forecaster that always says the group's base rate. A positive prediction is confidence ≥ 0.5
 * ({@link SignalOutcome#POSITIVE_CONFIDENCE}); a hit is a round that reached its target.
 * <p>
 * Ratios of counts are exact fractions to 6 decimals; figures of the {@code double} confidences are {@code double}
 * (SQL: {@code avg(confidence_score)}, {@code avg((confidence_score − hit)^2)}).
 *
 * @param signals             n
 * @param hits                signals whose round reached the target
 * @param truePositives       predicted and reached
 * @param falsePositives      predicted, not reached
 * @param trueNegatives       not predicted, not reached
 * @param falseNegatives      not predicted, reached
 * @param sumOfConfidences    Σ confidence
 * @param sumOfSquaredErrors  Σ (confidence − hit)², hit 1 or 0
 * @param theoreticalSignals  signals whose target x and platform RTP are known: the sample of the theoretical figures
 * @param sumOfTheoreticalSquaredErrors Σ (min(1, RTP / x) − hit)² over them: the Brier score's sum of a forecaster that
 *                            knows nothing but the game's odds, P(crash ≥ x) = RTP / x
 * @param actedSignals        positive predictions (confidence ≥ 0.5) among them: the bets of acting on the signal
 * @param profitWhenActing    Σ over those of the P/L per unit staked of betting with a cash-out at x: x − 1 when the
 *                            round reached it, −1 when not
 * @param sumOfTheoreticalEdges Σ over those of RTP − 1: what the same bets are expected to make per unit by the game's
 *                            odds alone (every target has the same expectation, RTP − 1)
 */
public record SignalScore(
        long signals,
        long hits,
        long truePositives,
        long falsePositives,
        long trueNegatives,
        long falseNegatives,
        double sumOfConfidences,
        double sumOfSquaredErrors,
        long theoreticalSignals,
        double sumOfTheoreticalSquaredErrors,
        long actedSignals,
        BigDecimal profitWhenActing,
        BigDecimal sumOfTheoreticalEdges) {

    public static final SignalScore NONE = new SignalScore(0, 0, 0, 0, 0, 0, 0, 0);

    /** A score without the theoretical figures (targets and RTP unknown). */
    public SignalScore(long signals, long hits, long truePositives, long falsePositives, long trueNegatives,
                       long falseNegatives, double sumOfConfidences, double sumOfSquaredErrors) {
        this(signals, hits, truePositives, falsePositives, trueNegatives, falseNegatives, sumOfConfidences,
                sumOfSquaredErrors, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** This score with one more signal counted. */
    public SignalScore with(SignalOutcome signal) {
        boolean predicted = signal.predictsTarget();
        boolean reached = signal.reachedTarget();
        Double theory = signal.theoreticalSquaredError();
        boolean acted = predicted && theory != null;
        return new SignalScore(
                signals + 1,
                hits + (reached ? 1 : 0),
                truePositives + (predicted && reached ? 1 : 0),
                falsePositives + (predicted && !reached ? 1 : 0),
                trueNegatives + (!predicted && !reached ? 1 : 0),
                falseNegatives + (!predicted && reached ? 1 : 0),
                sumOfConfidences + signal.confidence(),
                sumOfSquaredErrors + signal.squaredError(),
                theoreticalSignals + (theory == null ? 0 : 1),
                sumOfTheoreticalSquaredErrors + (theory == null ? 0 : theory),
                actedSignals + (acted ? 1 : 0),
                acted ? profitWhenActing.add(signal.profitPerUnitIfBet()) : profitWhenActing,
                acted ? sumOfTheoreticalEdges.add(signal.returnToPlayer().subtract(BigDecimal.ONE)) : sumOfTheoreticalEdges);
    }

    /** The score of both groups together. */
    public SignalScore plus(SignalScore other) {
        return new SignalScore(
                signals + other.signals,
                hits + other.hits,
                truePositives + other.truePositives,
                falsePositives + other.falsePositives,
                trueNegatives + other.trueNegatives,
                falseNegatives + other.falseNegatives,
                sumOfConfidences + other.sumOfConfidences,
                sumOfSquaredErrors + other.sumOfSquaredErrors,
                theoreticalSignals + other.theoreticalSignals,
                sumOfTheoreticalSquaredErrors + other.sumOfTheoreticalSquaredErrors,
                actedSignals + other.actedSignals,
                profitWhenActing.add(other.profitWhenActing),
                sumOfTheoreticalEdges.add(other.sumOfTheoreticalEdges));
    }

    /** The base rate (hit rate): hits / n; null when n = 0. */
    public @Nullable BigDecimal hitRate() {
        return Ratios.fraction(hits, signals);
    }

    /** (true positives + true negatives) / n; null when n = 0. */
    public @Nullable BigDecimal accuracy() {
        return Ratios.fraction(truePositives + trueNegatives, signals);
    }

    /** The accuracy of always predicting the more frequent outcome: max(hits, misses) / n; null when n = 0. */
    public @Nullable BigDecimal baselineAccuracy() {
        return Ratios.fraction(Math.max(hits, signals - hits), signals);
    }

    /** true positives / positive predictions; null without positive predictions. */
    public @Nullable BigDecimal precision() {
        return Ratios.fraction(truePositives, truePositives + falsePositives);
    }

    /** true positives / hits; null without hits. */
    public @Nullable BigDecimal recall() {
        return Ratios.fraction(truePositives, hits);
    }

    /** Σ confidence / n; null when n = 0. */
    public @Nullable Double meanConfidence() {
        return signals == 0 ? null : sumOfConfidences / signals;
    }

    /** The Brier score Σ (confidence − hit)² / n: 0 is perfect, lower is better; null when n = 0. */
    public @Nullable Double brierScore() {
        return signals == 0 ? null : sumOfSquaredErrors / signals;
    }

    /**
     * The Brier score of always saying the base rate b = hits / n: Σ (b − hit)² / n = b (1 − b). A signal is worth
     * something only below it. Null when n = 0.
     */
    public @Nullable Double baselineBrierScore() {
        if (signals == 0) {
            return null;
        }
        double baseRate = (double) hits / signals;
        return baseRate * (1 - baseRate);
    }

    /** 1 − Brier / baseline Brier: &gt; 0 beats the base rate, 1 is perfect; null when the baseline is 0 or n = 0. */
    public @Nullable Double brierSkillScore() {
        Double baseline = baselineBrierScore();
        return baseline == null || baseline == 0 ? null : 1 - sumOfSquaredErrors / signals / baseline;
    }

    /**
     * The Brier score of the game's own odds: Σ (min(1, RTP / x) − hit)² / n over the signals, what a model that knows
     * nothing but the house edge scores. Null unless every signal's target and RTP are known.
     */
    public @Nullable Double theoreticalBrierScore() {
        return signals == 0 || theoreticalSignals != signals ? null : sumOfTheoreticalSquaredErrors / signals;
    }

    /**
     * 1 − Brier / theoretical Brier: above 0 the signal knows more than the game's odds RTP / x, the baseline that
     * matters (a model that always says RTP / x scores 0 here, and positive against the pooled hit rate when its
     * targets differ). Null when the theoretical Brier score is null or 0.
     */
    public @Nullable Double theoreticalBrierSkillScore() {
        Double baseline = theoreticalBrierScore();
        return baseline == null || baseline == 0 ? null : 1 - sumOfSquaredErrors / signals / baseline;
    }

    /**
     * The expected value of acting on the signal: the mean P/L per unit staked of betting on the rounds it fired on
     * (confidence ≥ 0.5), cashing out at its target: profit when acting / acted signals, to 6 decimals. Not betting
     * makes 0, so above 0 acting beat staying out. Null when it never fired.
     */
    public @Nullable BigDecimal profitPerUnitWhenActing() {
        return Ratios.fraction(profitWhenActing, BigDecimal.valueOf(actedSignals));
    }

    /**
     * What the same bets are worth by the game's odds alone: the mean of RTP − 1 over the rounds the signal fired on,
     * to 6 decimals (−0.03 at a 3% house edge, whatever the target). Null when it never fired.
     */
    public @Nullable BigDecimal theoreticalProfitPerUnit() {
        return Ratios.fraction(sumOfTheoreticalEdges, BigDecimal.valueOf(actedSignals));
    }
}
