package com.crashanalytics.domain.session;

import java.math.BigDecimal;

/**
 * Where the session stood at one round, in round-number order: what depends on the rounds before it.
 *
 * @param balanceBefore          the balance before the round: the bot's reported one, else the balance the
 *                               gateway tracked after the previous round (the initial balance for the first)
 * @param balanceAfter           the balance after the round: the bot's reported one, else before + profit/loss
 * @param winStreak              consecutive wins up to and including this round (skips and errors neither
 *                               extend nor break a streak)
 * @param lossStreak             consecutive losses up to and including this round
 * @param balanceDiscontinuity   the bot reported a balance before the round that differs from the balance after
 *                               the previous round (accepted, flagged: OCR misreads happen)
 */
public record RoundStanding(int roundNumber, BigDecimal balanceBefore, BigDecimal balanceAfter, int winStreak,
                            int lossStreak, boolean balanceDiscontinuity) {
}
