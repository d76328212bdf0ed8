package com.crashanalytics.domain.bot;

/**
 * Whose money a bot plays (seed 004's {@code trade_type}): real money on a casino account, or paper money in a
 * simulation that bets nothing. A bot plays one of them, and its sessions and rounds with it, so its balance,
 * equity curve and drawdowns are always in one kind of money.
 */
public enum TradeType {
    /** Simulated bets: no money changes hands. */
    PAPER,
    /** Real bets with real money: what a bot that says nothing plays. */
    LIVE;

    /** What a bot registered without a trade type plays. */
    public static final TradeType DEFAULT = LIVE;
}
