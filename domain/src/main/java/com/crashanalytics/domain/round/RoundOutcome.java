package com.crashanalytics.domain.round;

/**
 * How a round ended for the bot: the one closed set of the data model.
 * <ul>
 *   <li>{@link #WIN}: the bot cashed out at c before the crash and won {@code stake × (c − 1)};</li>
 *   <li>{@link #LOSS}: the multiplier crashed before the bot cashed out; it lost the stake;</li>
 *   <li>{@link #SKIP}: the bot placed no bet; profit 0;</li>
 *   <li>{@link #ERROR}: something went wrong; the profit is whatever really happened to the money (often 0 when
 *       the bet was never placed), never a guessed {@code −stake}.</li>
 * </ul>
 */
public enum RoundOutcome {
    WIN,
    LOSS,
    SKIP,
    ERROR;

    /** Wins and losses are bets that resolved; win rate is wins / (wins + losses). */
    public boolean isSettledBet() {
        return this == WIN || this == LOSS;
    }
}
