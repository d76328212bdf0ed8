package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import com.crashanalytics.domain.round.RoundOutcome;
import org.jspecify.annotations.Nullable;

/**
 * One logged round as the performance analytics sees it: when it started, how it ended and what it did to the
 * money. Rows of {@code crash_game_rounds}: {@code round_start_timestamp}, {@code round_outcome},
 * {@code stake_value}, {@code profit_loss_amount}, {@code running_balance_after}, {@code bot_id},
 * {@code session_id}.
 *
 * @param startedAt    when the round started; series are ordered by it
 * @param outcome      WIN, LOSS, SKIP or ERROR
 * @param stake        what the bot put on the round, ≥ 0 (0 for a SKIP, and for an ERROR whose bet was never placed)
 * @param profitLoss   what the round did to the money, signed; the gateway has checked it against the outcome
 * @param balanceAfter the balance the bot reported after the round, when it reported one (read by OCR, so trusted
 *                     less than {@code profitLoss}: it only anchors the equity curve, see {@link RoundSeries})
 * @param botId        the bot that played it
 * @param sessionId    the session it belongs to; streaks never cross a session boundary
 */
public record RoundResult(
        Instant startedAt,
        RoundOutcome outcome,
        BigDecimal stake,
        BigDecimal profitLoss,
        @Nullable BigDecimal balanceAfter,
        String botId,
        String sessionId) {

    public RoundResult {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(profitLoss, "profitLoss");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(sessionId, "sessionId");
        if (stake.signum() < 0) {
            throw new IllegalArgumentException("a stake is never negative, got " + stake.toPlainString());
        }
        if (balanceAfter != null && balanceAfter.signum() < 0) {
            throw new IllegalArgumentException("a balance is never negative, got " + balanceAfter.toPlainString());
        }
    }

    /** A bet is a round with money on it (stake &gt; 0), whatever its outcome: only bets have a return. */
    public boolean isBet() {
        return stake.signum() > 0;
    }
}
