package com.crashanalytics.domain.bot;

/**
 * What a bot is doing, as the gateway sees it from the bot's current (most recently started) session, its heartbeats
 * and the errors it reported. Exactly one applies, checked in this order (the first that holds wins); the limits are
 * those of {@link BotStatusRules}.
 */
public enum BotStatus {
    /** The current session is ACTIVE but nothing was heard from it (round, heartbeat) for longer than staleAfter. */
    STALE,
    /** The current session ended with less than one base stake left (nothing left when the bot has no base stake). */
    BUST,
    /** Neither stale nor bust, and the bot reported an ERROR or CRITICAL error within the last errorWindow. */
    ERROR,
    /** The current session is ACTIVE and was heard from within staleAfter. */
    RUNNING,
    /** No open session, but the bot was heard from (heartbeat, or its last session) within idleAfter. */
    IDLE,
    /** Anything else: no session yet, or nothing heard from the bot for longer than idleAfter. */
    STOPPED
}
