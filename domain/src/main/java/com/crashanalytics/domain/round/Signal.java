package com.crashanalytics.domain.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.crashanalytics.domain.common.JsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * A signal as stored ({@code analytics_round_signals}). It predicts that its round reaches
 * {@code predictedMultiplier} with probability {@code confidenceScore}; once the round's crash multiplier is
 * known the gateway resolves it: {@code actualMultiplier} = the crash multiplier, {@code predictionError} =
 * actual − predicted, and {@code signalCorrectness} = (confidence ≥ 0.5) == (crash ≥ predicted): a confident
 * signal is right when the round got there, an unconfident one when it did not. A signal logged before its round
 * is pending ({@code roundId} null) until the round arrives.
 */
public record Signal(
        UUID id,
        @Nullable UUID roundId,
        int roundNumber,
        String botId,
        String sessionId,
        String gameName,
        String platformCode,
        String signalType,
        String clientSignalId,
        Instant timestamp,
        double confidenceScore,
        @Nullable BigDecimal predictedMultiplier,
        @Nullable Integer timeToCrashPredictedMs,
        @Nullable String patternType,
        @Nullable JsonDocument featureVector,
        @Nullable Boolean signalCorrectness,
        @Nullable BigDecimal actualMultiplier,
        @Nullable BigDecimal predictionError,
        String contentFingerprint) {

    /** The confidence from which a signal says "it will get there". */
    public static final double CONFIDENT = 0.5;

    /** A signal as reported, not yet resolved; an absent time defaults to {@code defaultTime}. */
    static Signal of(UUID id, RoundKey round, String gameName, String platformCode, SignalReport report,
                     Instant defaultTime) {
        return new Signal(id, null, round.roundNumber(), round.botId(), round.sessionId(), gameName, platformCode,
                report.signalType(), report.clientSignalIdOrEmpty(),
                report.timestamp() != null ? report.timestamp() : defaultTime, report.confidenceScore(),
                report.predictedMultiplier(), report.timeToCrashPredictedMs(), report.patternType(),
                report.featureVector(), null, null, null, report.fingerprint());
    }

    /** The round this signal is about, by its natural key (logged or not yet). */
    public RoundKey roundKey() {
        return new RoundKey(botId, sessionId, roundNumber);
    }

    public boolean isPending() {
        return roundId == null;
    }

    /** This signal linked to its round and judged against the round's crash multiplier, when known. */
    public Signal resolvedBy(UUID round, @Nullable BigDecimal crashMultiplier) {
        Boolean correct = crashMultiplier == null || predictedMultiplier == null ? null
                : (confidenceScore >= CONFIDENT) == (crashMultiplier.compareTo(predictedMultiplier) >= 0);
        BigDecimal error = crashMultiplier == null || predictedMultiplier == null ? null
                : crashMultiplier.subtract(predictedMultiplier);
        return new Signal(id, round, roundNumber, botId, sessionId, gameName, platformCode, signalType, clientSignalId,
                timestamp, confidenceScore, predictedMultiplier, timeToCrashPredictedMs, patternType, featureVector,
                correct, crashMultiplier, error, contentFingerprint);
    }

    /** Its identity within the round: type and client id. */
    public String identityWithinRound() {
        return signalType + "\u0000" + clientSignalId;
    }
}
