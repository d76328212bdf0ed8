package com.crashanalytics.domain.prediction;

import static com.crashanalytics.domain.prediction.Predictions.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.crashanalytics.domain.prediction.PredictionPerformance.Scored;
import org.junit.jupiter.api.Test;

class PredictionPerformanceTest {

    private static final BigDecimal RTP = new BigDecimal("0.97");
    private static final Instant NOW = Predictions.MADE_AT.plusSeconds(3600);

    /**
     * Six NEXT_ROUND predictions at 2x on a 97% RTP platform: the crash law gives each b = 0.97 / 2 = 0.485.
     * <pre>
     *  confidence  verdict   (c − y)²   (b − y)²    −ln(c or 1 − c)     bucket
     *  0.9         HIT       0.01       0.265225    −ln 0.9 = 0.1053605  9
     *  0.8         MISS      0.64       0.235225    −ln 0.2 = 1.6094379  8
     *  0.6         HIT       0.16       0.265225    −ln 0.6 = 0.5108256  6
     *  0.3         MISS      0.09       0.235225    −ln 0.7 = 0.3566749  3
     *  0.5         PENDING (counted, not scored)
     *  0.7         EXPIRED (counted, not scored)
     * </pre>
     * Brier 0.90 / 4 = 0.225; crash law 1.0009 / 4 = 0.250225; skill 1 − 0.225 / 0.250225 = 0.1008093.
     * Log loss 2.5822990 / 4 = 0.6455747; the crash law's −(ln 0.485 + ln 0.515) / 2 = 0.6935974.
     * Betting at 0.75: the HIT (stake 1, wins 2 − 1 = 1) and the MISS at 0.8 (loses 1): 2 units, profit 0; the crash
     * law expects 2 × (0.97 − 1) = −0.06.
     */
    @Test
    void scoresDecidedPredictionsAgainstTheCrashLaw() {
        List<Scored> predictions = List.of(
                decided(Predictions.next("2", 0.9), "2.5"),
                decided(Predictions.next("2", 0.8), "1.3"),
                decided(Predictions.next("2", 0.6), "7"),
                decided(Predictions.next("2", 0.3), "1"),
                new Scored(Predictions.next("2", 0.5), RTP),
                expired(Predictions.next("2", 0.7)));

        PredictionPerformance performance = PredictionPerformance.of(predictions, 0.75);

        assertThat(performance.predictions()).isEqualTo(6);
        assertThat(performance.pending()).isEqualTo(1);
        assertThat(performance.expired()).isEqualTo(1);
        assertThat(performance.decided()).isEqualTo(4);
        assertThat(performance.hits()).isEqualTo(2);
        assertThat(performance.hitRate()).isEqualByComparingTo("0.5");
        assertThat(performance.meanConfidence()).isCloseTo(0.65, within(1e-12));
        assertThat(performance.meanBaselineProbability()).isCloseTo(0.485, within(1e-12));
        assertThat(performance.brierScore()).isCloseTo(0.225, within(1e-12));
        assertThat(performance.baselineBrierScore()).isCloseTo(0.250225, within(1e-12));
        assertThat(performance.brierSkillScore()).isCloseTo(0.1008093, within(1e-7));
        assertThat(performance.logLoss()).isCloseTo(0.6455747, within(1e-7));
        assertThat(performance.baselineLogLoss()).isCloseTo(0.6935974, within(1e-7));
        assertThat(performance.calibration())
                .extracting(PredictionPerformance.Calibration::index, PredictionPerformance.Calibration::predictions,
                        PredictionPerformance.Calibration::hits)
                .containsExactly(tuple(3, 1L, 0L), tuple(6, 1L, 1L), tuple(8, 1L, 0L), tuple(9, 1L, 1L));
        assertThat(performance.calibration().get(3).meanConfidence()).isCloseTo(0.9, within(1e-12));
        assertThat(performance.calibration().get(3).lower()).isCloseTo(0.9, within(1e-12));
        assertThat(performance.calibration().get(3).hitRate()).isEqualByComparingTo("1");
        assertThat(performance.betting().bets()).isEqualTo(2);
        assertThat(performance.betting().unitsStaked()).isEqualTo(2);
        assertThat(performance.betting().profit()).isEqualByComparingTo("0");
        assertThat(performance.betting().profitPerUnit()).isEqualByComparingTo("0");
        assertThat(performance.betting().expectedProfitByCrashLaw()).isEqualByComparingTo("-0.06");
        assertThat(performance.betting().beatsNotBetting()).isFalse();
    }

    /**
     * WITHIN 5 rounds at 10x: a HIT at round 3 stakes rounds 1–3 (3 units) and wins 10 − 1 on the third, −2 on the
     * others: 10 − 3 = 7. A MISS stakes and loses 5. The one at 0.5 is not acted on. 8 units, profit 2, 0.25 per
     * unit; the crash law expects 8 × −0.03 = −0.24.
     */
    @Test
    void bettingActsOnlyOnConfidentPredictionsAndStopsAtTheFirstHit() {
        List<Scored> predictions = List.of(
                decided(Predictions.within(5, "10", 0.8), "1.1", "2", "10"),
                decided(Predictions.within(5, "10", 0.76), "1", "1", "1", "1", "9.99"),
                decided(Predictions.within(5, "10", 0.5), "20"));

        PredictionPerformance.Betting betting = PredictionPerformance.of(predictions, 0.75).betting();

        assertThat(betting.bets()).isEqualTo(2);
        assertThat(betting.unitsStaked()).isEqualTo(8);
        assertThat(betting.profit()).isEqualByComparingTo("2");
        assertThat(betting.profitPerUnit()).isEqualByComparingTo("0.25");
        assertThat(betting.expectedProfitByCrashLaw()).isEqualByComparingTo("-0.24");
        assertThat(betting.beatsNotBetting()).isTrue();
    }

    /**
     * GAP [5, 15] at 10x: the bets run from round 5. A hit at 7 stakes rounds 5–7 (3 units): 10 − 3 = 7. A hit at 2
     * came before the window: nothing staked. No hit by 15: rounds 5–15 (11 units) lost.
     */
    @Test
    void aGapIsBetOnlyInsideItsInterval() {
        assertThat(PredictionBet.on(decided(Predictions.gap(5, 15, "10", 0.9), lowsThen(6, "12")).prediction()))
                .isEqualTo(new PredictionBet(3, new BigDecimal("7")));
        assertThat(PredictionBet.on(decided(Predictions.gap(5, 15, "10", 0.9), lowsThen(1, "12")).prediction()))
                .isEqualTo(new PredictionBet(0, BigDecimal.ZERO));
        assertThat(PredictionBet.on(decided(Predictions.gap(5, 15, "10", 0.9), lowsThen(15, "1")).prediction()))
                .isEqualTo(new PredictionBet(11, new BigDecimal("-11")));
    }

    @Test
    void withoutDecidedPredictionsTheScoresAreNull() {
        PredictionPerformance performance = PredictionPerformance.of(
                List.of(new Scored(Predictions.next("2", 0.5), RTP)), 0.75);

        assertThat(performance.predictions()).isEqualTo(1);
        assertThat(performance.hitRate()).isNull();
        assertThat(performance.brierScore()).isNull();
        assertThat(performance.logLoss()).isNull();
        assertThat(performance.calibration()).isEmpty();
        assertThat(performance.betting().profitPerUnit()).isNull();
    }

    @Test
    void aConfidentMissCostsALotOfLogLossButNotInfinity() {
        assertThat(PredictionPerformance.logLoss(1.0, 0)).isCloseTo(34.538776, within(1e-5)); // −ln 1e−15
        assertThat(PredictionPerformance.logLoss(1.0, 1)).isCloseTo(0, within(1e-12));
    }

    /** The prediction judged by rounds with these crash points, one a minute after it was made. */
    private static Scored decided(Prediction prediction, String... crashes) {
        List<GameRound> rounds = new ArrayList<>();
        for (int i = 0; i < crashes.length; i++) {
            rounds.add(round(i + 1, crashes[i]));
        }
        return new Scored(prediction.judgedBy(rounds, NOW).orElseThrow(), RTP);
    }

    private static Scored expired(Prediction prediction) {
        return new Scored(prediction.judgedBy(List.of(round(10_000, "5")), NOW).orElseThrow(), RTP);
    }

    /** {@code lows} rounds at 1x, then one at {@code last}. */
    private static String[] lowsThen(int lows, String last) {
        String[] crashes = new String[lows + 1];
        java.util.Arrays.fill(crashes, "1");
        crashes[lows] = last;
        return crashes;
    }
}
