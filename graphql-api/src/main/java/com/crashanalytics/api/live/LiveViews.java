package com.crashanalytics.api.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.live.LiveEventKind;
import com.crashanalytics.domain.live.SessionChange;
import com.crashanalytics.domain.prediction.PredictionKind;
import com.crashanalytics.domain.prediction.PredictionStatus;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.domain.session.SessionStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL event types, decoded from the journal's payloads (written by the domain's RoundAnnouncements and
 * SessionAnnouncements with the same field names). Decoded once per event per replica, then shared by every
 * subscriber; {@code eventId} is the journal id.
 */
final class LiveViews {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private LiveViews() {
    }

    static LiveEvent decode(long id, String kind, String payload) {
        LiveEventKind known = LiveEventKind.valueOf(kind);
        Object view = switch (known) {
            case ROUND_LOGGED -> JSON.readValue(payload, RoundEvent.class).withEventId(id);
            case SESSION_CHANGED -> JSON.readValue(payload, SessionEvent.class).withEventId(id);
            case CRASH_OBSERVED -> JSON.readValue(payload, CrashEvent.class).withEventId(id);
            case ALERT_RAISED -> new AlertEvent(id, alert(JSON.readValue(payload, Map.class)));
            case PREDICTION_MADE, PREDICTION_JUDGED -> JSON.readValue(payload, PredictionEvent.class).withEventId(id);
        };
        return new LiveEvent(id, known, view);
    }

    /** An alert's payload as the {@code Alert} type reads it: its id under {@code id}, its time as an instant. */
    private static Map<String, Object> alert(Map<?, ?> payload) {
        Map<String, Object> alert = new LinkedHashMap<>();
        payload.forEach((key, value) -> alert.put((String) key, value));
        alert.put("id", payload.get("alertId"));
        alert.put("raisedAt", Instant.parse((String) payload.get("raisedAt")));
        return alert;
    }

    record RoundEvent(long eventId, String roundId, String botId, String sessionId, String gameName,
                      String platformCode, int roundNumber, @Nullable String roundExternalId,
                      Instant roundStartTimestamp, Instant loggedAt, @Nullable String strategyName,
                      RoundOutcome outcome, BigDecimal stakeValue, @Nullable BigDecimal targetMultiplier,
                      @Nullable BigDecimal cashoutMultiplier, @Nullable BigDecimal crashMultiplier,
                      BigDecimal profitLoss, BigDecimal balanceAfter, List<LiveSignal> signals) {

        RoundEvent withEventId(long id) {
            return new RoundEvent(id, roundId, botId, sessionId, gameName, platformCode, roundNumber, roundExternalId,
                    roundStartTimestamp, loggedAt, strategyName, outcome, stakeValue, targetMultiplier,
                    cashoutMultiplier, crashMultiplier, profitLoss, balanceAfter, signals);
        }
    }

    record LiveSignal(String signalType, double confidenceScore, @Nullable BigDecimal predictedMultiplier,
                      @Nullable String patternType, @Nullable Boolean signalCorrectness) {
    }

    record SessionEvent(long eventId, SessionChange change, String sessionId, String botId, String gameName,
                        String platformCode, @Nullable String strategyName, SessionStatus status,
                        @Nullable BigDecimal balance, int roundsPlayed, Instant lastSeenAt, Instant at) {

        SessionEvent withEventId(long id) {
            return new SessionEvent(id, change, sessionId, botId, gameName, platformCode, strategyName, status,
                    balance, roundsPlayed, lastSeenAt, at);
        }
    }

    record CrashEvent(long eventId, String gameName, String platformCode, @Nullable String gameRoundId,
                      BigDecimal crashMultiplier, Instant observedAt, int streakMultiplier,
                      int roundsSinceStreakMultiplier, double expectedRoundsBetween, double chanceOfRunSoLong) {

        CrashEvent withEventId(long id) {
            return new CrashEvent(id, gameName, platformCode, gameRoundId, crashMultiplier, observedAt,
                    streakMultiplier, roundsSinceStreakMultiplier, expectedRoundsBetween, chanceOfRunSoLong);
        }
    }

    record AlertEvent(long eventId, Map<String, Object> alert) {
    }

    /** A prediction as logged (PREDICTION_MADE) or as judged (PREDICTION_JUDGED); written by the domain's PredictionEvents. */
    record PredictionEvent(long eventId, String id, String modelName, String modelVersion, String predictionId,
                           String gameName, String platformCode, PredictionKind kind, BigDecimal threshold,
                           int horizonRounds, @Nullable Integer gapFrom, @Nullable Integer gapTo, double confidence,
                           Instant madeAt, Instant expiresAt, PredictionStatus status, @Nullable Integer roundsObserved,
                           @Nullable Integer firstHitAfterRounds, @Nullable String decidingRoundId,
                           @Nullable Instant judgedAt) {

        PredictionEvent withEventId(long eventId) {
            return new PredictionEvent(eventId, id, modelName, modelVersion, predictionId, gameName, platformCode, kind,
                    threshold, horizonRounds, gapFrom, gapTo, confidence, madeAt, expiresAt, status, roundsObserved,
                    firstHitAfterRounds, decidingRoundId, judgedAt);
        }
    }
}
