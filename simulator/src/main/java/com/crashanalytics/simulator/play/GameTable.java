package com.crashanalytics.simulator.play;

/** A crash game on a platform, e.g. Aviator on dafabet: where a session is played. */
public record GameTable(String gameName, String platformCode) {

    public GameTable {
        if (gameName.isBlank() || platformCode.isBlank()) {
            throw new IllegalArgumentException("a game table needs a game and a platform");
        }
    }

    /** Parses {@code game@platform}, e.g. {@code aviator@dafabet}. */
    public static GameTable parse(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("expected game@platform, e.g. aviator@dafabet, got '" + text + "'");
        }
        return new GameTable(text.substring(0, at).trim(), text.substring(at + 1).trim());
    }

    @Override
    public String toString() {
        return gameName + "@" + platformCode;
    }
}
