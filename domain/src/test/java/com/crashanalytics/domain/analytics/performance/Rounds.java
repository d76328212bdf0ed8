package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.time.Instant;

import com.crashanalytics.domain.round.RoundOutcome;
import org.jspecify.annotations.Nullable;

/** Terse round fixtures for the analytics tests: minute i after 2026-03-02T10:00Z (a Monday). */
final class Rounds {

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private Rounds() {
    }

    static Instant minute(int i) {
        return START.plusSeconds(60L * i);
    }

    static RoundResult round(int minute, RoundOutcome outcome, String stake, String profitLoss,
                             @Nullable String balanceAfter) {
        return round("bot_a", "session_a", minute(minute), outcome, stake, profitLoss, balanceAfter);
    }

    static RoundResult round(String botId, String sessionId, Instant at, RoundOutcome outcome, String stake,
                             String profitLoss, @Nullable String balanceAfter) {
        return new RoundResult(at, outcome, new BigDecimal(stake), new BigDecimal(profitLoss),
                balanceAfter == null ? null : new BigDecimal(balanceAfter), botId, sessionId);
    }
}
