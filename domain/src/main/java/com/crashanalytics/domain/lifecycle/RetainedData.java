package com.crashanalytics.domain.lifecycle;

import java.util.List;

/**
 * The kinds of data retention deletes, each with its own keep time, and the tables each one empties. Everything
 * else is kept: bots, platforms, sessions with their totals, capital events, and the rollups that hold the
 * all-time figures (round_totals_hourly, equity_segments_hourly, round_streaks, game_round_crashes and their counts).
 */
public enum RetainedData {

    /** Rounds by {@code round_start_timestamp}, with their outcomes, multiplier samples and signals. */
    ROUNDS(List.of("crash_game_rounds", "analytics_round_outcomes", "analytics_round_multipliers",
            "analytics_round_signals")),
    /** Error reports by their {@code timestamp}. */
    ERRORS(List.of("error_logs")),
    /** OCR validation reads by their {@code timestamp}. */
    OCR_VALIDATIONS(List.of("ocr_validation_logs"));

    private final List<String> tables;

    RetainedData(List<String> tables) {
        this.tables = tables;
    }

    /** The tables this kind's rows live in; the first is the one whose rows' age decides. */
    public List<String> tables() {
        return tables;
    }
}
