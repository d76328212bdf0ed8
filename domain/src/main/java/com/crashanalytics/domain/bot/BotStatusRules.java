package com.crashanalytics.domain.bot;

import java.time.Duration;
import java.time.Instant;

/**
 * The limits that turn heartbeats, sessions and errors into a {@link BotStatus}.
 *
 * @param staleAfter  an ACTIVE session silent for longer than this is stale (its bot probably died)
 * @param idleAfter   a bot without an open session heard from within this is IDLE, else STOPPED
 * @param errorWindow a bot that reported an ERROR or CRITICAL error within this is in ERROR
 */
public record BotStatusRules(Duration staleAfter, Duration idleAfter, Duration errorWindow) {

    public BotStatusRules {
        for (Duration limit : new Duration[] {staleAfter, idleAfter, errorWindow}) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("bot status limits must be positive, got " + limit);
            }
        }
    }

    /** The instants the limits mean at {@code now}. */
    public Cutoffs at(Instant now) {
        return new Cutoffs(now.minus(staleAfter), now.minus(idleAfter), now.minus(errorWindow));
    }

    /**
     * The limits as instants.
     *
     * @param silentBefore  an ACTIVE session last heard from before this is stale
     * @param heardSince    a bot heard from at or after this is IDLE rather than STOPPED
     * @param errorsSince   errors at or after this put a bot in ERROR
     */
    public record Cutoffs(Instant silentBefore, Instant heardSince, Instant errorsSince) {
    }
}
