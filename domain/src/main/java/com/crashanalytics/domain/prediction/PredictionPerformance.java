package com.crashanalytics.domain.prediction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import com.crashanalytics.domain.common.Ratios;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * How well one model's predictions of one kind came true, next to the crash law's own probabilities (the baseline
 * every prediction must beat, {@link CrashLaw}). Only decided predictions (HIT or MISS) are scored; pending and
 * expired ones are counted.
 * <p>
 * With c the confidence, b the crash law's probability and y = 1 for a HIT, 0 for a MISS, over the n decided ones:
 * Brier = Σ (c − y)² / n, baseline Brier = Σ (b − y)² / n, skill = 1 − Brier / baseline Brier (above 0 the model
 * knows more than the law); log loss = −Σ [y ln c + (1 − y) ln(1 − c)] / n with c clipped to [1e−15, 1 − 1e−15], and
 * the same with b. Calibration: {@value #CALIBRATION_BUCKETS} equal-width confidence buckets, bucket min(⌊10 c⌋, 9).
 *
 * @param predictions every prediction in scope, whatever its status
 * @param decided     HIT or MISS
 * @param hitRate     hits / decided, to 6 decimals; null when nothing is decided
 * @param calibration the non-empty confidence buckets, ascending
 * @param betting     acting only on the confident predictions ({@link PredictionBet})
 */
public record PredictionPerformance(
        long predictions,
        long pending,
        long expired,
        long decided,
        long hits,
        @Nullable BigDecimal hitRate,
        @Nullable Double meanConfidence,
        @Nullable Double meanBaselineProbability,
        @Nullable Double brierScore,
        @Nullable Double baselineBrierScore,
        @Nullable Double brierSkillScore,
        @Nullable Double logLoss,
        @Nullable Double baselineLogLoss,
        List<Calibration> calibration,
        Betting betting) {

    public static final int CALIBRATION_BUCKETS = 10;
    private static final double EPSILON = 1e-15;

    /** A prediction with the RTP of its platform, which gives its crash-law baseline. */
    public record Scored(Prediction prediction, BigDecimal rtp) {

        double baseline() {
            return prediction.baselineProbability(rtp);
        }
    }

    /**
     * The predictions whose confidence fell in [lower, upper) (the last bucket includes 1).
     *
     * @param hitRate hits / predictions, to 6 decimals: a calibrated model's hit rate is its mean confidence
     */
    public record Calibration(int index, double lower, double upper, long predictions, long hits,
                              double meanConfidence, double meanBaselineProbability, BigDecimal hitRate) {
    }

    /**
     * Betting only on the decided predictions with confidence ≥ the threshold.
     *
     * @param bets                     how many predictions were acted on
     * @param unitsStaked              Σ units staked over them
     * @param profit                   Σ profit, in units; not betting makes 0
     * @param profitPerUnit            profit / units staked, to 6 decimals; null when nothing was staked
     * @param expectedProfitByCrashLaw (RTP − 1) × units staked, summed: what the same bets make on average in a fair
     *                                 game whatever the model says
     */
    public record Betting(double confidenceThreshold, long bets, long unitsStaked, BigDecimal profit,
                          @Nullable BigDecimal profitPerUnit, BigDecimal expectedProfitByCrashLaw) {

        /** Whether acting on the predictions made more than staying out (0). */
        public boolean beatsNotBetting() {
            return profit.signum() > 0;
        }
    }

    public static PredictionPerformance of(List<Scored> predictions, double confidenceThreshold) {
        new Violations().unitInterval("confidenceThreshold", confidenceThreshold).throwIfAny();
        long pending = 0;
        long expired = 0;
        long hits = 0;
        double confidences = 0;
        double baselines = 0;
        double squaredErrors = 0;
        double baselineSquaredErrors = 0;
        double logLosses = 0;
        double baselineLogLosses = 0;
        SortedMap<Integer, Bucket> buckets = new TreeMap<>();
        long bets = 0;
        long units = 0;
        BigDecimal profit = BigDecimal.ZERO;
        BigDecimal expectedProfit = BigDecimal.ZERO;
        List<Scored> decided = new ArrayList<>();
        for (Scored scored : predictions) {
            Prediction prediction = scored.prediction();
            switch (prediction.status()) {
                case PENDING -> pending++;
                case EXPIRED -> expired++;
                case HIT, MISS -> decided.add(scored);
            }
        }
        for (Scored scored : decided) {
            Prediction prediction = scored.prediction();
            int y = prediction.cameTrue() ? 1 : 0;
            double c = prediction.confidence();
            double b = scored.baseline();
            hits += y;
            confidences += c;
            baselines += b;
            squaredErrors += (c - y) * (c - y);
            baselineSquaredErrors += (b - y) * (b - y);
            logLosses += logLoss(c, y);
            baselineLogLosses += logLoss(b, y);
            buckets.computeIfAbsent(Math.min((int) (CALIBRATION_BUCKETS * c), CALIBRATION_BUCKETS - 1),
                    index -> new Bucket()).add(c, b, y);
            if (c >= confidenceThreshold) {
                PredictionBet bet = PredictionBet.on(prediction);
                bets++;
                units += bet.unitsStaked();
                profit = profit.add(bet.profit());
                expectedProfit = expectedProfit.add(scored.rtp().subtract(BigDecimal.ONE)
                        .multiply(BigDecimal.valueOf(bet.unitsStaked())));
            }
        }
        long n = decided.size();
        List<Calibration> calibration = new ArrayList<>();
        buckets.forEach((index, bucket) -> calibration.add(bucket.calibration(index)));
        Double brier = mean(squaredErrors, n);
        Double baselineBrier = mean(baselineSquaredErrors, n);
        return new PredictionPerformance(predictions.size(), pending, expired, n, hits, Ratios.fraction(hits, n),
                mean(confidences, n), mean(baselines, n), brier, baselineBrier,
                brier == null || baselineBrier == null || baselineBrier == 0 ? null : 1 - brier / baselineBrier,
                mean(logLosses, n), mean(baselineLogLosses, n), List.copyOf(calibration),
                new Betting(confidenceThreshold, bets, units, profit,
                        Ratios.fraction(profit, BigDecimal.valueOf(units)),
                        expectedProfit.setScale(Ratios.FRACTION_SCALE, RoundingMode.HALF_UP).stripTrailingZeros()));
    }

    /**
     * −[y ln c + (1 − y) ln(1 − c)]: −ln of the probability given to what happened, clipped to [1e−15, 1 − 1e−15] so a
     * confident miss costs a lot (34.5), not infinity. Clipping that probability rather than c keeps 1 − c exact.
     */
    static double logLoss(double probability, int outcome) {
        double given = outcome == 1 ? probability : 1 - probability;
        return -Math.log(Math.min(1 - EPSILON, Math.max(EPSILON, given)));
    }

    private static @Nullable Double mean(double sum, long n) {
        return n == 0 ? null : sum / n;
    }

    private static final class Bucket {
        private long predictions;
        private long hits;
        private double confidences;
        private double baselines;

        void add(double confidence, double baseline, int outcome) {
            predictions++;
            hits += outcome;
            confidences += confidence;
            baselines += baseline;
        }

        Calibration calibration(int index) {
            return new Calibration(index, (double) index / CALIBRATION_BUCKETS, (double) (index + 1) / CALIBRATION_BUCKETS,
                    predictions, hits, confidences / predictions, baselines / predictions,
                    Ratios.fraction(hits, predictions));
        }
    }
}
