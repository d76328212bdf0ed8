package com.crashanalytics.simulator.play;

import java.time.Instant;

/** One session to simulate: which bot, where, how many rounds at most, from when. */
public record SessionSetup(BotProfile bot, String sessionId, GameTable table, int rounds, Instant startAt) {

    public SessionSetup {
        if (sessionId.isBlank() || sessionId.length() > 100) {
            throw new IllegalArgumentException("a session id is 1 to 100 characters: '" + sessionId + "'");
        }
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must not be negative, got " + rounds);
        }
    }
}
