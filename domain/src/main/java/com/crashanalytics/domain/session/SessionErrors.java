package com.crashanalytics.domain.session;

import com.crashanalytics.domain.common.NotFoundException;

/** The error for a session a bot does not have, said the same way by every use case that takes a session id. */
public final class SessionErrors {

    private SessionErrors() {
    }

    /**
     * The error for a session the bot does not have: unknown, or another bot's (a caller learns nothing about
     * other bots' sessions).
     */
    public static NotFoundException unknownSession(String field, String botId, String sessionId) {
        return new NotFoundException(field, "bot '" + botId + "' has no session '" + sessionId
                + "'; call startSession first");
    }
}
