package com.crashanalytics.domain.lifecycle;

import java.util.List;

/**
 * The columns of a round export, in their documented and stable order (CSV header, NDJSON key order). New columns
 * are only ever appended, so a pipeline that reads columns by position keeps working. Names are the tables' own
 * (crash_game_rounds, then analytics_round_outcomes' derived figures); {@code multipliers} and {@code signals} hold
 * the round's samples and signals as JSON arrays.
 */
public final class RoundExportColumns {

    public static final List<String> NAMES = List.of(
            "round_id", "bot_id", "session_id", "game_name", "platform_code", "round_number", "round_external_id",
            "round_start_timestamp", "round_end_timestamp", "duration_seconds",
            "strategy_name", "strategy_step", "stake_value", "target_multiplier",
            "crash_multiplier_detected", "cashout_multiplier", "final_multiplier", "multiplier_source",
            "cashout_amount", "profit_loss_amount", "running_balance_before", "running_balance_after", "roi_percent",
            "round_outcome", "outcome_category", "hit_target", "multiplier_error", "win_streak_length",
            "loss_streak_length", "multiplier_detection_confidence", "cashout_detection_confidence",
            "ocr_raw_text", "ocr_cleaned_value", "error_type", "data_quality_flags", "metadata",
            "multipliers", "signals");

    private RoundExportColumns() {
    }
}
