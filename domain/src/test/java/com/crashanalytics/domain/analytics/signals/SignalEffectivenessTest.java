package com.crashanalytics.domain.analytics.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class SignalEffectivenessTest {

    /**
     * Eight "pattern" signals. Positive prediction: confidence ≥ 0.5.
     * <pre>
     *  confidence  reached  prediction  (c − hit)²   bucket of 5: ⌊5c⌋
     *  0.9         yes      TP          0.01         4
     *  0.8         yes      TP          0.04         4
     *  0.7         no       FP          0.49         3
     *  0.6         yes      TP          0.16         3
     *  0.5         no       FP          0.25         2
     *  0.3         no       TN          0.09         1
     *  0.2         yes      FN          0.64         1
     *  0.1         no       TN          0.01         0
     * </pre>
     * and three "trend" signals at full confidence that all reached their target.
     */
    private static final List<SignalOutcome> SIGNALS = List.of(
            new SignalOutcome("trend", 1.0, true),
            new SignalOutcome("pattern", 0.9, true),
            new SignalOutcome("pattern", 0.8, true),
            new SignalOutcome("pattern", 0.7, false),
            new SignalOutcome("trend", 1.0, true),
            new SignalOutcome("pattern", 0.6, true),
            new SignalOutcome("pattern", 0.5, false),
            new SignalOutcome("pattern", 0.3, false),
            new SignalOutcome("pattern", 0.2, true),
            new SignalOutcome("trend", 1.0, true),
            new SignalOutcome("pattern", 0.1, false));

    private static final List<SignalEffectiveness> BY_TYPE = SignalEffectiveness.byType(SIGNALS, 5);

    @Test
    void oneEntryPerTypeInTypeOrder() {
        assertThat(BY_TYPE).extracting(SignalEffectiveness::signalType).containsExactly("pattern", "trend");
    }

    @Test
    void classificationFigures() {
        SignalScore pattern = BY_TYPE.get(0).overall();

        assertThat(pattern.signals()).isEqualTo(8);
        assertThat(pattern.hits()).isEqualTo(4);
        assertThat(pattern.hitRate()).isEqualTo(new BigDecimal("0.500000"));          // 4 / 8
        assertThat(pattern.accuracy()).isEqualTo(new BigDecimal("0.625000"));         // (3 TP + 2 TN) / 8
        assertThat(pattern.baselineAccuracy()).isEqualTo(new BigDecimal("0.500000")); // max(4, 4) / 8
        assertThat(pattern.precision()).isEqualTo(new BigDecimal("0.600000"));        // 3 / (3 + 2)
        assertThat(pattern.recall()).isEqualTo(new BigDecimal("0.750000"));           // 3 / 4
    }

    @Test
    void brierScoreNextToTheBaseRateForecaster() {
        SignalScore pattern = BY_TYPE.get(0).overall();

        // (0.01 + 0.04 + 0.49 + 0.16 + 0.25 + 0.09 + 0.64 + 0.01) / 8 = 1.69 / 8
        assertThat(pattern.brierScore()).isCloseTo(0.21125, within(1e-12));
        // always saying 0.5: 0.5 × (1 − 0.5)
        assertThat(pattern.baselineBrierScore()).isCloseTo(0.25, within(1e-15));
        // 1 − 0.21125 / 0.25 = 1 − 0.845
        assertThat(pattern.brierSkillScore()).isCloseTo(0.155, within(1e-12));
        // (0.9 + 0.8 + 0.7 + 0.6 + 0.5 + 0.3 + 0.2 + 0.1) / 8 = 4.1 / 8
        assertThat(pattern.meanConfidence()).isCloseTo(0.5125, within(1e-12));
    }

    @Test
    void calibrationPerConfidenceBucket() {
        // [0, .2): 0.1 → 0 of 1, mean 0.1   [.2, .4): 0.3 0.2 → 1 of 2, mean 0.25   [.4, .6): 0.5 → 0 of 1, mean 0.5
        // [.6, .8): 0.7 0.6 → 1 of 2, mean 0.65   [.8, 1]: 0.9 0.8 → 2 of 2, mean 0.85
        List<CalibrationBucket> buckets = BY_TYPE.get(0).buckets();

        assertThat(buckets).extracting(b -> b.index(), b -> b.score().signals(), b -> b.score().hits())
                .containsExactly(tuple(0, 1L, 0L), tuple(1, 2L, 1L), tuple(2, 1L, 0L), tuple(3, 2L, 1L), tuple(4, 2L, 2L));
        assertThat(buckets).extracting(b -> b.score().hitRate()).containsExactly(
                new BigDecimal("0.000000"), new BigDecimal("0.500000"), new BigDecimal("0.000000"),
                new BigDecimal("0.500000"), new BigDecimal("1.000000"));
        double[] meanConfidence = {0.1, 0.25, 0.5, 0.65, 0.85};
        double[] gap = {0.1, -0.25, 0.5, 0.15, -0.15};
        for (int i = 0; i < buckets.size(); i++) {
            assertThat(buckets.get(i).score().meanConfidence()).isCloseTo(meanConfidence[i], within(1e-12));
            assertThat(buckets.get(i).calibrationGap()).isCloseTo(gap[i], within(1e-12));
        }
        assertThat(buckets.get(1).lower()).isEqualTo(0.2);
        assertThat(buckets.get(1).upper()).isEqualTo(0.4);
        // (1/8)·0.1 + (2/8)·0.25 + (1/8)·0.5 + (2/8)·0.15 + (2/8)·0.15 = 0.0125 + 0.0625 + 0.0625 + 0.0375 + 0.0375
        assertThat(BY_TYPE.get(0).expectedCalibrationError()).isCloseTo(0.2125, within(1e-12));
    }

    @Test
    void aCertainAndAlwaysRightSignalHasNoSkillScore() {
        SignalEffectiveness trend = BY_TYPE.get(1);

        // confidence 1.0 joins the last bucket (⌊5 × 1.0⌋ = 5, capped to 4)
        assertThat(trend.buckets()).extracting(CalibrationBucket::index).containsExactly(4);
        assertThat(trend.overall().brierScore()).isZero();
        // base rate 1: the baseline is perfect too (1 × 0), so there is no skill to measure
        assertThat(trend.overall().baselineBrierScore()).isZero();
        assertThat(trend.overall().brierSkillScore()).isNull();
        assertThat(trend.overall().precision()).isEqualTo(new BigDecimal("1.000000"));
    }

    @Test
    void precisionNeedsAPositivePredictionAndRecallAHit() {
        SignalScore timid = SignalEffectiveness.byType(List.of(
                new SignalOutcome("timid", 0.4, false), new SignalOutcome("timid", 0.1, false)), 10).get(0).overall();

        assertThat(timid.precision()).isNull();
        assertThat(timid.recall()).isNull();
        assertThat(timid.accuracy()).isEqualTo(new BigDecimal("1.000000"));
    }

    @Test
    void noSignalsNoEntries() {
        assertThat(SignalEffectiveness.byType(List.of(), 10)).isEmpty();
        assertThat(SignalScore.NONE.brierScore()).isNull();
        assertThat(SignalScore.NONE.hitRate()).isNull();
    }

    @Test
    void bucketCountAndConfidenceAreChecked() {
        assertThatThrownBy(() -> SignalEffectiveness.byType(SIGNALS, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new SignalOutcome("x", 1.01, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignalOutcome("x", Double.NaN, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
