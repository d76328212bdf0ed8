package com.crashanalytics.domain.prediction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: where predictions and their verdicts are kept. */
public interface PredictionBook {

    /** Stores the prediction unless the model already logged one with its id; says whether it stored it. */
    boolean insertIfAbsent(Prediction prediction);

    Optional<Prediction> find(String modelName, String predictionId);

    /**
     * The pending predictions about the game on the platform made before {@code madeBefore}, locked until the
     * transaction ends, each with the game's rounds that started after it (deduplicated, in play order, at most its
     * horizon). Waits for concurrent writers of the game's rounds, so it sees every round they committed.
     */
    List<Pending> lockPending(String gameName, String platformCode, Instant madeBefore);

    /** The same for one prediction, when it is pending. */
    Optional<Pending> lockPending(UUID predictionId);

    /**
     * At most {@code limit} pending predictions whose deadline is before {@code expiredBefore}, oldest deadline first,
     * each with the game's rounds after it as {@link #lockPending(String, String, Instant)} gives them, locked until
     * the transaction ends. Skips those another transaction has locked, and never waits for the game's writers.
     */
    List<Pending> lockOverdue(Instant expiredBefore, int limit);

    /** Stores verdicts of predictions that were pending; one already judged keeps its verdict. */
    void recordVerdicts(List<Prediction> verdicts);

    /** A pending prediction and the game's rounds after it, in play order. */
    record Pending(Prediction prediction, List<GameRound> roundsAfter) {
    }
}
