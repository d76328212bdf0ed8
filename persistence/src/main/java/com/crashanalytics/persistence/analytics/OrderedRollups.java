package com.crashanalytics.persistence.analytics;

/**
 * The rollups of rounds in (start time, id) order, per bot (changelog 0070) and per strategy (0420): hourly equity
 * segments and per-session runs, each keyed by {@code subject} and its hour or session, with the functions that
 * recount given rows from their rounds (arrays of subjects and of hours or sessions). Whoever settles dirty rows (the
 * retention job, the recount of dirty rollups) reads the tables and functions from here.
 */
public enum OrderedRollups {

    BOTS("bot_id", "equity_segments_hourly", "recount_equity_segments", "round_streaks", "recount_round_streaks"),
    STRATEGIES("strategy_name", "strategy_equity_segments_hourly", "recount_strategy_equity_segments",
            "strategy_streaks", "recount_strategy_streaks");

    private final String subject;
    private final String hours;
    private final String recountHours;
    private final String sessions;
    private final String recountSessions;

    OrderedRollups(String subject, String hours, String recountHours, String sessions, String recountSessions) {
        this.subject = subject;
        this.hours = hours;
        this.recountHours = recountHours;
        this.sessions = sessions;
        this.recountSessions = recountSessions;
    }

    /** The column of the bot or strategy the rows are kept for. */
    public String subject() {
        return subject;
    }

    /** The table of hourly equity segments, keyed by (subject, hour). */
    public String hours() {
        return hours;
    }

    public String recountHours() {
        return recountHours;
    }

    /** The table of per-session runs, keyed by (subject, session_id), with the last round's start in last_at. */
    public String sessions() {
        return sessions;
    }

    public String recountSessions() {
        return recountSessions;
    }
}
