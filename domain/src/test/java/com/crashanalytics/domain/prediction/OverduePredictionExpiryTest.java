package com.crashanalytics.domain.prediction;

import static com.crashanalytics.domain.prediction.Predictions.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.common.DirectTransactions;
import com.crashanalytics.domain.live.InMemoryEventJournal;
import com.crashanalytics.domain.live.LiveEventKind;
import org.junit.jupiter.api.Test;

/**
 * The expiry of predictions whose game's rounds stopped: only those pending longer than the grace after their
 * deadline, EXPIRED with the rounds seen and no deciding round (or decided by the rounds seen, when those decide
 * them), announced once, a batch at a time, and nothing while another replica holds the job.
 */
class OverduePredictionExpiryTest {

    private static final Duration GRACE = Duration.ofMinutes(5);

    private final InMemoryPredictionBook book = new InMemoryPredictionBook();
    private final InMemoryEventJournal journal = new InMemoryEventJournal();
    private final DirectTransactions transactions = new DirectTransactions();
    private boolean lockFree = true;

    private OverduePredictionExpiry expiry(int batchSize) {
        return new OverduePredictionExpiry(book, journal, job -> lockFree, transactions, GRACE, batchSize);
    }

    /** Within 3 rounds at 10x, made at MADE_AT; its default deadline is MADE_AT plus three rounds' time. */
    private Prediction stored(List<GameRound> roundsAfter) {
        Prediction prediction = Predictions.within(3, "10", 0.4);
        book.store(prediction, roundsAfter);
        return prediction;
    }

    @Test
    void expiresOnlyPredictionsPendingLongerThanTheGraceAfterTheirDeadline() {
        Prediction silent = stored(List.of());
        Prediction oneRoundSeen = stored(List.of(round(0, "1.20")));
        Instant deadline = silent.expiresAt();

        assertThat(expiry(500).expire(deadline.plus(GRACE)).verdicts()).isEmpty(); // not yet: exactly at the grace
        ExpireOverduePredictionsUseCase.Expiry pass = expiry(500).expire(deadline.plus(GRACE).plusSeconds(1));

        assertThat(pass.ran()).isTrue();
        assertThat(book.stored(silent.id()).status()).isEqualTo(PredictionStatus.EXPIRED);
        assertThat(book.stored(silent.id()).roundsObserved()).isZero();
        assertThat(book.stored(silent.id()).decidingRoundId()).isNull();
        assertThat(book.stored(oneRoundSeen.id()).roundsObserved()).isEqualTo(1);
        assertThat(journal.readAfter(0, 10)).hasSize(2)
                .allSatisfy(event -> assertThat(event.kind()).isEqualTo(LiveEventKind.PREDICTION_JUDGED.name()));
    }

    @Test
    void aSecondPassJudgesNothingAgainAndAnnouncesNothing() {
        Prediction prediction = stored(List.of());
        Instant late = prediction.expiresAt().plus(GRACE).plusSeconds(60);
        expiry(500).expire(late);

        assertThat(expiry(500).expire(late.plusSeconds(30)).verdicts()).isEmpty();
        assertThat(journal.readAfter(0, 10)).hasSize(1);
    }

    @Test
    void roundsAlreadyLoggedThatDecideItGiveTheirVerdict() {
        Prediction prediction = stored(List.of(round(1, "1.5"), round(2, "2"), round(3, "1.1")));

        expiry(500).expire(prediction.expiresAt().plus(GRACE).plusSeconds(1));

        assertThat(book.stored(prediction.id()).status()).isEqualTo(PredictionStatus.MISS);
    }

    @Test
    void aPassTakesAtMostItsBatchOldestDeadlineFirst() {
        Prediction first = stored(List.of());
        Prediction second = stored(List.of());
        Instant late = first.expiresAt().plus(GRACE).plusSeconds(60);

        assertThat(expiry(1).expire(late).verdicts()).hasSize(1);
        assertThat(expiry(1).expire(late).verdicts()).hasSize(1);
        assertThat(List.of(book.stored(first.id()).status(), book.stored(second.id()).status()))
                .containsOnly(PredictionStatus.EXPIRED);
    }

    @Test
    void doesNothingWhileAnotherReplicaHoldsTheJob() {
        Prediction prediction = stored(List.of());
        lockFree = false;

        ExpireOverduePredictionsUseCase.Expiry pass = expiry(500).expire(prediction.expiresAt().plus(Duration.ofDays(1)));

        assertThat(pass.ran()).isFalse();
        assertThat(book.stored(prediction.id()).isPending()).isTrue();
        assertThat(journal.readAfter(0, 10)).isEmpty();
    }

    @Test
    void refusesANegativeGraceOrAnEmptyBatch() {
        assertThatThrownBy(() -> new OverduePredictionExpiry(book, journal, job -> true, transactions,
                Duration.ofSeconds(-1), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OverduePredictionExpiry(book, journal, job -> true, transactions, GRACE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Predictions in memory with the game rounds after each; verdicts kept only for those still pending. */
    private static final class InMemoryPredictionBook implements PredictionBook {

        private final Map<UUID, Prediction> predictions = new LinkedHashMap<>();
        private final Map<UUID, List<GameRound>> rounds = new LinkedHashMap<>();

        void store(Prediction prediction, List<GameRound> roundsAfter) {
            predictions.put(prediction.id(), prediction);
            rounds.put(prediction.id(), roundsAfter);
        }

        Prediction stored(UUID id) {
            return predictions.get(id);
        }

        @Override
        public List<Pending> lockOverdue(Instant expiredBefore, int limit) {
            return predictions.values().stream()
                    .filter(prediction -> prediction.isPending() && prediction.expiresAt().isBefore(expiredBefore))
                    .sorted(Comparator.comparing(Prediction::expiresAt))
                    .limit(limit)
                    .map(prediction -> new Pending(prediction, rounds.get(prediction.id())))
                    .toList();
        }

        @Override
        public void recordVerdicts(List<Prediction> verdicts) {
            verdicts.forEach(verdict -> predictions.computeIfPresent(verdict.id(),
                    (id, stored) -> stored.isPending() ? verdict : stored));
        }

        @Override
        public boolean insertIfAbsent(Prediction prediction) {
            throw new UnsupportedOperationException("not used by the expiry");
        }

        @Override
        public Optional<Prediction> find(String modelName, String predictionId) {
            throw new UnsupportedOperationException("not used by the expiry");
        }

        @Override
        public List<Pending> lockPending(String gameName, String platformCode, Instant madeBefore) {
            throw new UnsupportedOperationException("not used by the expiry");
        }

        @Override
        public Optional<Pending> lockPending(UUID predictionId) {
            throw new UnsupportedOperationException("not used by the expiry");
        }
    }
}
