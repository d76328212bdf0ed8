package com.crashanalytics.domain.analytics.replay;

/**
 * Who played a strategy live on a game and platform in a window: its bots and sessions with rounds there, and the
 * sessions that went bust (a round left their balance below the replay's base stake).
 */
public record LiveBots(int bots, int sessions, int bustSessions) {

    public static final LiveBots NONE = new LiveBots(0, 0, 0);
}
