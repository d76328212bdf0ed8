package com.crashanalytics.domain.alert;

import com.crashanalytics.domain.alert.AlertKind.SubjectKind;
import org.jspecify.annotations.Nullable;

/**
 * What an alert is about: a session (with its bot, game and platform), a bot, or a game on a platform. The key
 * names it uniquely ({@code session:s1}, {@code bot:b1}, {@code platform:aviator/dafabet}); the cool-down counts
 * per rule and key.
 */
public record AlertSubject(SubjectKind kind, @Nullable String botId, @Nullable String sessionId,
                           @Nullable String gameName, @Nullable String platformCode) {

    public static AlertSubject session(String botId, String sessionId, String gameName, String platformCode) {
        return new AlertSubject(SubjectKind.SESSION, botId, sessionId, gameName, platformCode);
    }

    public static AlertSubject bot(String botId, @Nullable String sessionId, String gameName, String platformCode) {
        return new AlertSubject(SubjectKind.BOT, botId, sessionId, gameName, platformCode);
    }

    public static AlertSubject platform(String gameName, String platformCode) {
        return new AlertSubject(SubjectKind.PLATFORM, null, null, gameName, platformCode);
    }

    public String key() {
        return switch (kind) {
            case SESSION -> "session:" + sessionId;
            case BOT -> "bot:" + botId;
            case PLATFORM -> "platform:" + gameName + "/" + platformCode;
        };
    }

    /** How a person reads it in a message. */
    public String describe() {
        return switch (kind) {
            case SESSION -> "session " + sessionId + " of bot " + botId + " (" + gameName + " on " + platformCode + ")";
            case BOT -> "bot " + botId + " (" + gameName + " on " + platformCode + ")";
            case PLATFORM -> gameName + " on " + platformCode;
        };
    }
}
