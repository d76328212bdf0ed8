package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Rounds in time order (ties keep the order given: SQL feeds {@code ORDER BY round_start_timestamp, id}). The input
 * of {@link PerformanceStats} and {@link PeriodBreakdown}. May hold several bots and sessions (a strategy's or a
 * game's rounds): money figures then add up across them, like a portfolio.
 */
public record RoundSeries(List<RoundResult> rounds) {

    public RoundSeries {
        rounds = List.copyOf(rounds);
        for (int i = 1; i < rounds.size(); i++) {
            if (rounds.get(i).startedAt().isBefore(rounds.get(i - 1).startedAt())) {
                throw new IllegalArgumentException("a round series must be in time order: round " + i + " ("
                        + rounds.get(i).startedAt() + ") starts before round " + (i - 1) + " ("
                        + rounds.get(i - 1).startedAt() + ")");
            }
        }
    }

    public static RoundSeries of(RoundResult... rounds) {
        return new RoundSeries(List.of(rounds));
    }

    public boolean isEmpty() {
        return rounds.isEmpty();
    }

    /**
     * The money the series started with, implied by the balances the bots reported, for when the caller has no
     * better figure (a session's {@code initial_balance} is better; so is nothing, for a window of many bots).
     * <p>
     * Per bot: its first round (in series order) with a reported {@code balanceAfter}, minus that bot's cumulative
     * P/L up to and including that round, i.e. the balance the bot had before its first round in the series, as its
     * validated P/L says. Summed over the bots, because each bot plays from its own bankroll (a bot's consecutive
     * sessions share one). Null when the series is empty or some bot reported no balance at all.
     * <p>
     * Anchoring the P/L curve to one reported balance, rather than following every reported balance, keeps an OCR
     * misread of one balance from inventing a peak or a drawdown.
     */
    public @Nullable BigDecimal impliedStartingCapital() {
        ImpliedCapital capital = new ImpliedCapital();
        for (RoundResult round : rounds) {
            capital.add(round.botId(), round.profitLoss(), round.balanceAfter());
        }
        return capital.total();
    }
}
