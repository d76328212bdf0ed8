package com.crashanalytics.domain.prediction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.common.JsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * A model's prediction about a game on a platform, and its verdict once known.
 * <p>
 * <b>Judging.</b> The rounds that count are the game's rounds (deduplicated across the bots watching it) that
 * started after {@code madeAt}, in play order; position 1 is the first of them. A prediction is decided as soon as
 * they decide it:
 * <ul>
 *   <li>WITHIN_ROUNDS / NEXT_ROUND: HIT at the first round ≥ x at position ≤ N; MISS when N rounds passed without
 *   one.</li>
 *   <li>GAP: at the first round ≥ x, at position G: HIT when gapFrom ≤ G ≤ gapTo, MISS when G &lt; gapFrom; MISS when
 *   gapTo rounds passed without one.</li>
 *   <li>Any kind: EXPIRED when a counted round started after {@code expiresAt} before the others decided it; or,
 *   when no such round is ever logged (the game's rounds stopped), once the deadline is long past
 *   ({@link #judgedAfterDeadline}), with no deciding round.</li>
 * </ul>
 * <b>Late rounds.</b> A round that started before {@code madeAt} never counts, whenever it is logged. A round logged
 * late (after rounds that played after it) takes its place in play order while the prediction is pending. A verdict
 * is final: a round logged after it, even one that played within the prediction's horizon, does not change it.
 *
 * @param horizonRounds       how many rounds it watches: N, 1 or gapTo
 * @param roundsObserved      at the verdict: the rounds counted up to the deciding one (the rounds seen before the
 *                            deadline, for EXPIRED); null while pending
 * @param firstHitAfterRounds at the verdict: the position G of the first round ≥ x, when it was among the rounds
 *                            counted (the observed gap); null when none was
 * @param decidingRoundId     the game round at the deciding position: the first round ≥ x (HIT, or a GAP missed
 *                            early), the last round watched (MISS), the first round after the deadline (EXPIRED);
 *                            null for one EXPIRED because no round came after the deadline
 * @param judgedAt            when the gateway judged it: when the deciding round (or the prediction) was logged, or
 *                            when the expiry found it overdue
 */
public record Prediction(
        UUID id,
        String modelName,
        String modelVersion,
        String predictionId,
        String gameName,
        String platformCode,
        PredictionKind kind,
        BigDecimal threshold,
        int horizonRounds,
        @Nullable Integer gapFrom,
        @Nullable Integer gapTo,
        @Nullable BigDecimal predictedGap,
        double confidence,
        Instant madeAt,
        @Nullable String lastSeenRoundId,
        Instant expiresAt,
        @Nullable JsonDocument features,
        String contentFingerprint,
        Instant loggedAt,
        PredictionStatus status,
        @Nullable Integer roundsObserved,
        @Nullable Integer firstHitAfterRounds,
        @Nullable UUID decidingRoundId,
        @Nullable Instant judgedAt) {

    /** A new, pending prediction. */
    public static Prediction logged(UUID id, LogPredictionCommand command) {
        return new Prediction(id, command.modelName(), command.modelVersion(), command.predictionId(),
                command.gameName(), command.platformCode(), command.kind(), command.threshold(),
                command.horizonRounds(), command.gapFrom(), command.gapTo(), command.predictedGap(),
                command.confidence(), command.effectiveMadeAt(), command.lastSeenRoundId(),
                command.effectiveExpiresAt(), command.features(), command.fingerprint(), command.receivedAt(),
                PredictionStatus.PENDING, null, null, null, null);
    }

    /** N of a WITHIN_ROUNDS prediction; null for the other kinds. */
    public @Nullable Integer withinRounds() {
        return kind == PredictionKind.WITHIN_ROUNDS ? horizonRounds : null;
    }

    public boolean isPending() {
        return status == PredictionStatus.PENDING;
    }

    /**
     * The verdict the game's rounds after {@code madeAt} give, in play order (those beyond the horizon are ignored),
     * or empty while they decide nothing yet (or it is decided already: a verdict is final).
     */
    public Optional<Prediction> judgedBy(List<GameRound> roundsAfter, Instant now) {
        if (!isPending()) {
            return Optional.empty();
        }
        int position = 0;
        for (GameRound round : roundsAfter) {
            if (round.startedAt().isAfter(expiresAt)) {
                return Optional.of(verdict(PredictionStatus.EXPIRED, position, null, round, now));
            }
            position++;
            if (round.reaches(threshold)) {
                boolean tooEarly = gapFrom != null && position < gapFrom;
                return Optional.of(verdict(tooEarly ? PredictionStatus.MISS : PredictionStatus.HIT, position, position,
                        round, now));
            }
            if (position == horizonRounds) {
                return Optional.of(verdict(PredictionStatus.MISS, position, null, round, now));
            }
        }
        return Optional.empty();
    }

    /**
     * The verdict of a prediction whose deadline passed with no round after it logged (the game's rounds stopped, or
     * no bot watches it any more): what the rounds logged so far decide, if they decide it; otherwise EXPIRED, with
     * the rounds seen before the deadline and no deciding round. Empty when it is decided already.
     */
    public Optional<Prediction> judgedAfterDeadline(List<GameRound> roundsAfter, Instant now) {
        if (!isPending()) {
            return Optional.empty();
        }
        // judgedBy decides on any round past the deadline and at the horizon, so undecided means every round seen
        // started before the deadline: they are all counted.
        return judgedBy(roundsAfter, now)
                .or(() -> Optional.of(verdict(PredictionStatus.EXPIRED, roundsAfter.size(), null, null, now)));
    }

    private Prediction verdict(PredictionStatus verdict, int observed, @Nullable Integer firstHit,
                               @Nullable GameRound deciding, Instant now) {
        return new Prediction(id, modelName, modelVersion, predictionId, gameName, platformCode, kind, threshold,
                horizonRounds, gapFrom, gapTo, predictedGap, confidence, madeAt, lastSeenRoundId, expiresAt, features,
                contentFingerprint, loggedAt, verdict, observed, firstHit, deciding == null ? null : deciding.roundId(),
                now);
    }

    /** The chance of a hit by the crash law alone, for a game returning {@code rtp} (0.97 for a 3% house edge). */
    public double baselineProbability(BigDecimal rtp) {
        return CrashLaw.of(rtp, threshold).probabilityOfHit(this);
    }

    /** Whether it came true; only for a HIT or MISS. */
    public boolean cameTrue() {
        return status == PredictionStatus.HIT;
    }

    /** Whether it has a HIT or MISS verdict (EXPIRED and PENDING have none to score). */
    public boolean isDecided() {
        return status == PredictionStatus.HIT || status == PredictionStatus.MISS;
    }
}
