package com.crashanalytics.domain.round;

/** A round's natural key and idempotency key: the bot, its session, and the number the bot gave the round. */
public record RoundKey(String botId, String sessionId, int roundNumber) {

    @Override
    public String toString() {
        return "round " + roundNumber + " of session '" + sessionId + "'";
    }
}
