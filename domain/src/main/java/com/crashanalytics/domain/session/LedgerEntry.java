package com.crashanalytics.domain.session;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What a session's totals need to know about one round. Built by the round area, which depends on this one
 * (so the session never sees a round).
 *
 * @param kind                  how the round counts
 * @param stake                 what was bet (0 when nothing was)
 * @param profitLoss            what the round won (positive) or lost (negative)
 * @param reportedBalanceBefore the bot's balance before the round, as it reported it, if it did
 * @param reportedBalanceAfter  the bot's balance after the round, as it reported it, if it did
 */
public record LedgerEntry(int roundNumber, Kind kind, BigDecimal stake, BigDecimal profitLoss,
                          @Nullable BigDecimal reportedBalanceBefore, @Nullable BigDecimal reportedBalanceAfter) {

    /** How a round counts in the totals: the round's outcome, seen from the session. */
    public enum Kind {
        /** A bet that cashed out: a win, extends a win streak. */
        WIN,
        /** A bet that crashed: a loss, extends a loss streak. */
        LOSS,
        /** No bet: counted, neither extends nor breaks a streak. */
        SKIP,
        /** Something failed: counted, its money counts, neither extends nor breaks a streak. */
        ERROR
    }
}
