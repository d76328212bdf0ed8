package com.crashanalytics.domain.bot;

import com.crashanalytics.domain.common.NotFoundException;

/**
 * The errors for what a request names but nobody registered: a bot, or a game on a platform. Every use case that
 * takes a bot id or a platform says it the same way, naming the input field and the call that fixes it.
 */
public final class BotErrors {

    private BotErrors() {
    }

    /** The error for a bot id nobody registered. */
    public static NotFoundException unknownBot(String field, String botId) {
        return new NotFoundException(field, "no bot is registered as '" + botId + "'; call registerBot first");
    }

    /** The error for a game and platform nobody configured. */
    public static NotFoundException unconfiguredPlatform(String field, String gameName, String platformCode) {
        return new NotFoundException(field, "game '" + gameName + "' is not configured on platform '" + platformCode
                + "'; call configurePlatform first");
    }
}
