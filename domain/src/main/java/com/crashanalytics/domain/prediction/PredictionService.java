package com.crashanalytics.domain.prediction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crashanalytics.domain.bot.BotErrors;
import com.crashanalytics.domain.bot.PlatformRegistry.PlatformKey;
import com.crashanalytics.domain.bot.PlatformRegistry;
import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.IdGenerator;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.live.EventJournal;
import com.crashanalytics.domain.round.CrashPointJudge;
import com.crashanalytics.domain.round.Round;

/**
 * Logs predictions and judges them. Judging happens where the outcome becomes known: when a round's crash point is
 * logged ({@link #judgeWith}, inside the round-logging transaction), and when a prediction arrives after rounds that
 * already decide it ({@link #logPrediction}). Both lock the pending predictions they judge and wait for concurrent
 * writers of the game's rounds, so a prediction is judged once, on every round committed before it. A new prediction
 * and every verdict are announced as live events ({@link PredictionEvents}) in the same transaction.
 */
public final class PredictionService implements LogPredictionUseCase, CrashPointJudge {

    private final PredictionBook book;
    private final PlatformRegistry platforms;
    private final IdGenerator ids;
    private final Transactions transactions;
    private final EventJournal events;

    public PredictionService(PredictionBook book, PlatformRegistry platforms, IdGenerator ids,
                             Transactions transactions, EventJournal events) {
        this.book = book;
        this.platforms = platforms;
        this.ids = ids;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public LoggedPrediction logPrediction(LogPredictionCommand command) {
        return transactions.inTransaction(() -> {
            if (platforms.find(command.gameName(), command.platformCode()).isEmpty()) {
                throw BotErrors.unconfiguredPlatform("platformCode", command.gameName(),
                        command.platformCode());
            }
            Prediction prediction = Prediction.logged(ids.newId(), command);
            if (book.insertIfAbsent(prediction)) {
                events.appendAll(List.of(PredictionEvents.made(prediction)));
                Optional<Prediction> verdict = book.lockPending(prediction.id())
                        .flatMap(pending -> pending.prediction().judgedBy(pending.roundsAfter(), command.receivedAt()));
                verdict.ifPresent(judged -> record(List.of(judged)));
                return new LoggedPrediction(verdict.orElse(prediction), false);
            }
            Prediction stored = book.find(command.modelName(), command.predictionId()).orElseThrow();
            if (stored.contentFingerprint().equals(prediction.contentFingerprint())) {
                return new LoggedPrediction(stored, true);
            }
            throw new ConflictException("predictionId", "prediction '" + command.predictionId() + "' of model '"
                    + command.modelName() + "' is already logged with other content; the stored prediction stays as it is");
        });
    }

    /** Runs inside the caller's transaction: the round-logging use case's. */
    @Override
    public void judgeWith(List<Round> loggedRounds, Instant at) {
        Map<PlatformKey, Instant> latestStart = new HashMap<>();
        for (Round round : loggedRounds) {
            if (round.crashMultiplier() != null) {
                latestStart.merge(new PlatformKey(round.gameName(), round.platformCode()), round.roundStartTimestamp(),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<Prediction> verdicts = new ArrayList<>();
        latestStart.forEach((game, latest) -> {
            for (PredictionBook.Pending pending : book.lockPending(game.gameName(), game.platformCode(), latest)) {
                pending.prediction().judgedBy(pending.roundsAfter(), at).ifPresent(verdicts::add);
            }
        });
        if (!verdicts.isEmpty()) {
            record(verdicts);
        }
    }

    /** Stores the verdicts and announces each, in the transaction that reached them. */
    private void record(List<Prediction> verdicts) {
        book.recordVerdicts(verdicts);
        events.appendAll(PredictionEvents.judged(verdicts));
    }
}
