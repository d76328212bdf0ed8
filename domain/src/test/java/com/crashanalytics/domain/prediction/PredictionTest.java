package com.crashanalytics.domain.prediction;

import static com.crashanalytics.domain.prediction.Predictions.MADE_AT;
import static com.crashanalytics.domain.prediction.Predictions.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PredictionTest {

    private static final Instant NOW = MADE_AT.plusSeconds(3600);

    @Test
    void withinRoundsHitsAtTheFirstRoundReachingTheThreshold() {
        Prediction prediction = Predictions.within(3, "10", 0.4);
        List<GameRound> rounds = List.of(round(1, "1.5"), round(2, "10.00"), round(3, "50"));

        Prediction judged = prediction.judgedBy(rounds, NOW).orElseThrow();

        assertThat(judged.status()).isEqualTo(PredictionStatus.HIT);
        assertThat(judged.roundsObserved()).isEqualTo(2);
        assertThat(judged.firstHitAfterRounds()).isEqualTo(2);
        assertThat(judged.decidingRoundId()).isEqualTo(rounds.get(1).roundId());
        assertThat(judged.judgedAt()).isEqualTo(NOW);
    }

    @Test
    void withinRoundsMissesOnceItsRoundsPassWithoutAHit() {
        Prediction prediction = Predictions.within(3, "10", 0.4);
        List<GameRound> rounds = List.of(round(1, "1.5"), round(2, "9.99"), round(3, "2"));

        Prediction judged = prediction.judgedBy(rounds, NOW).orElseThrow();

        assertThat(judged.status()).isEqualTo(PredictionStatus.MISS);
        assertThat(judged.roundsObserved()).isEqualTo(3);
        assertThat(judged.firstHitAfterRounds()).isNull();
        assertThat(judged.decidingRoundId()).isEqualTo(rounds.get(2).roundId());
    }

    @Test
    void staysPendingWhileTheRoundsDecideNothing() {
        Prediction prediction = Predictions.within(3, "10", 0.4);

        assertThat(prediction.judgedBy(List.of(round(1, "1.5"), round(2, "3")), NOW)).isEmpty();
        assertThat(prediction.judgedBy(List.of(), NOW)).isEmpty();
    }

    @Test
    void nextRoundIsDecidedByOneRound() {
        assertThat(Predictions.next("2", 0.6).judgedBy(List.of(round(1, "2")), NOW).orElseThrow().status())
                .isEqualTo(PredictionStatus.HIT);
        assertThat(Predictions.next("2", 0.6).judgedBy(List.of(round(1, "1.99"), round(2, "5")), NOW).orElseThrow()
                .status()).isEqualTo(PredictionStatus.MISS);
    }

    @Test
    void aGapHitsOnlyInsideItsInterval() {
        List<GameRound> hitAtFour = List.of(round(1, "1"), round(2, "1"), round(3, "1"), round(4, "12"));

        Prediction inside = Predictions.gap(3, 6, "10", 0.3).judgedBy(hitAtFour, NOW).orElseThrow();
        Prediction tooEarly = Predictions.gap(5, 8, "10", 0.3).judgedBy(hitAtFour, NOW).orElseThrow();
        Prediction tooLate = Predictions.gap(1, 3, "10", 0.3).judgedBy(hitAtFour, NOW).orElseThrow();

        assertThat(inside.status()).isEqualTo(PredictionStatus.HIT);
        assertThat(inside.firstHitAfterRounds()).isEqualTo(4);
        assertThat(tooEarly.status()).isEqualTo(PredictionStatus.MISS);
        assertThat(tooEarly.firstHitAfterRounds()).isEqualTo(4);
        assertThat(tooLate.status()).isEqualTo(PredictionStatus.MISS);
        assertThat(tooLate.roundsObserved()).isEqualTo(3);
        assertThat(tooLate.firstHitAfterRounds()).isNull();
    }

    @Test
    void expiresWhenARoundAfterTheDeadlineComesBeforeTheVerdict() {
        Prediction prediction = Prediction.logged(UUID.randomUUID(), Predictions.command(PredictionKind.WITHIN_ROUNDS,
                "10", 5, null, null, 0.4, MADE_AT.plusSeconds(150)));
        List<GameRound> rounds = List.of(round(1, "1.5"), round(2, "2"), round(30, "100"));

        Prediction judged = prediction.judgedBy(rounds, NOW).orElseThrow();

        assertThat(judged.status()).isEqualTo(PredictionStatus.EXPIRED);
        assertThat(judged.roundsObserved()).isEqualTo(2);
        assertThat(judged.decidingRoundId()).isEqualTo(rounds.get(2).roundId());
    }

    @Test
    void theDefaultDeadlineAllowsTwoMinutesPerRoundWatched() {
        assertThat(Predictions.within(15, "10", 0.5).expiresAt()).isEqualTo(MADE_AT.plusSeconds(15 * 120));
        assertThat(Predictions.gap(5, 20, "10", 0.5).expiresAt()).isEqualTo(MADE_AT.plusSeconds(20 * 120));
    }

    @Test
    void aVerdictIsFinal() {
        Prediction judged = Predictions.next("2", 0.6).judgedBy(List.of(round(1, "1.2")), NOW).orElseThrow();

        assertThat(judged.judgedBy(List.of(round(1, "3")), NOW.plusSeconds(1))).isEmpty();
    }

    /**
     * p = 0.97 / 10 = 0.097, 1 − p = 0.903. WITHIN 5: 1 − 0.903⁵ = 1 − 0.600397329 = 0.399602671. NEXT_ROUND at 2x:
     * 0.97 / 2 = 0.485. GAP [5, 15]: 0.903⁴ − 0.903¹⁵ = 0.664891837 − 0.216429399 = 0.448462438. At x = 1.5 with
     * RTP 0.97, p = 0.646667.
     */
    @Test
    void theCrashLawGivesEachKindItsProbability() {
        BigDecimal rtp = new BigDecimal("0.97");

        assertThat(Predictions.within(5, "10", 0.5).baselineProbability(rtp)).isCloseTo(0.399602671, within(1e-9));
        assertThat(Predictions.next("2", 0.5).baselineProbability(rtp)).isCloseTo(0.485, within(1e-12));
        assertThat(Predictions.gap(5, 15, "10", 0.5).baselineProbability(rtp)).isCloseTo(0.448462438, within(1e-9));
        assertThat(Predictions.next("1.5", 0.5).baselineProbability(rtp)).isCloseTo(0.646667, within(1e-6));
    }

    @Test
    void afterTheDeadlineWithNoRoundItExpiresWithTheRoundsSeenAndNoDecidingRound() {
        Prediction prediction = Predictions.within(5, "10", 0.4);
        List<GameRound> seen = List.of(round(1, "1.5"), round(2, "3"));

        Prediction expired = prediction.judgedAfterDeadline(seen, NOW).orElseThrow();

        assertThat(expired.status()).isEqualTo(PredictionStatus.EXPIRED);
        assertThat(expired.roundsObserved()).isEqualTo(2);
        assertThat(expired.firstHitAfterRounds()).isNull();
        assertThat(expired.decidingRoundId()).isNull();
        assertThat(expired.judgedAt()).isEqualTo(NOW);
        assertThat(Predictions.next("2", 0.5).judgedAfterDeadline(List.of(), NOW).orElseThrow().roundsObserved())
                .isZero();
    }

    @Test
    void afterTheDeadlineRoundsThatDecideItStillDecideIt() {
        Prediction prediction = Predictions.within(3, "10", 0.4);
        List<GameRound> rounds = List.of(round(1, "1.5"), round(2, "12"));

        Prediction judged = prediction.judgedAfterDeadline(rounds, NOW).orElseThrow();

        assertThat(judged.status()).isEqualTo(PredictionStatus.HIT);
        assertThat(judged.decidingRoundId()).isEqualTo(rounds.get(1).roundId());
        assertThat(judged.judgedAfterDeadline(List.of(), NOW.plusSeconds(60))).isEmpty();
    }
}
