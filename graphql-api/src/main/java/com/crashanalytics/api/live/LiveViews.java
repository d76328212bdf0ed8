package com.crashanalytics.api.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.live.LiveEventKind;
import com.crashanalytics.domain.live.SessionChange;
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
            case ALERT_RAISED -> new AlertEvent(id, JSON.readValue(payload, Map.class));
        };
        return new LiveEvent(id, known, view);
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

    record AlertEvent(long eventId, Map<?, ?> alert) {
    }
}
