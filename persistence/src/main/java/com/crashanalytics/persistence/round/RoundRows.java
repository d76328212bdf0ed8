package com.crashanalytics.persistence.round;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.round.DataQualityFlag;
import com.crashanalytics.domain.round.LoggedRoundKey;
import com.crashanalytics.domain.round.OutcomeCategory;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundAnalytics;
import com.crashanalytics.domain.round.RoundKey;
import com.crashanalytics.domain.round.RoundLogbook.StoredRound;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.domain.round.RoundReadModel.Analytics;
import com.crashanalytics.domain.round.RoundReadModel.Detail;
import com.crashanalytics.domain.round.RoundReadModel.Reading;
import com.crashanalytics.persistence.common.Batches.Batch;
import com.crashanalytics.persistence.common.Batches;
import com.crashanalytics.persistence.common.JsonColumns;
import com.crashanalytics.persistence.common.RowAuthors;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A round as a row of {@code crash_game_rounds}, and as read with its analytics row: the columns, the insert and
 * the restatement of its flags, how rounds are matched by their keys, and how a row is read back. An insert here
 * fires the triggers listed on {@link JdbcRoundLogbook}.
 */
final class RoundRows {

    static final String ROUND_COLUMNS = """
            id, bot_id, session_id, game_name, platform_code, round_number, round_external_id, round_start_timestamp,
            round_end_timestamp, duration_seconds, stake_value, strategy_name, strategy_step, target_multiplier,
            crash_multiplier_detected, cashout_multiplier, final_multiplier, multiplier_source, cashout_amount,
            profit_loss_amount, running_balance_before, running_balance_after, roi_percent, ocr_raw_text,
            ocr_cleaned_value, multiplier_detection_confidence, cashout_detection_confidence, screenshot_reference_id,
            round_outcome, error_type, error_description, recovery_action_taken, retry_count, metadata,
            data_quality_flags, content_fingerprint, logged_at
            """;
    /** Who wrote a row: the key of the request ({@link Authorship}), after the table's own columns in every insert. */
    static final String WRITTEN_BY = ", written_by_key_id";
    static final String INSERT_ROUND = SqlTemplate.sql("""
            INSERT INTO crash_game_rounds ({columns}{writtenBy}) VALUES (
            ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
            CAST(? AS jsonb), CAST(? AS text[]), ?, ?, ?)""")
            .with("columns", ROUND_COLUMNS).with("writtenBy", WRITTEN_BY).text();

    /** A round's columns as a list reads them ({@link ReadColumn}). */
    private static final List<ReadColumn<Detail>> READ_ROUND = List.of(
            ReadColumn.always("r.id"), ReadColumn.always("r.bot_id"), ReadColumn.always("r.session_id"),
            ReadColumn.detail("r.game_name", "text", Detail.GAME_NAME),
            ReadColumn.detail("r.platform_code", "text", Detail.PLATFORM_CODE),
            ReadColumn.always("r.round_number"),
            ReadColumn.detail("r.round_external_id", "text", Detail.ROUND_EXTERNAL_ID),
            ReadColumn.always("r.round_start_timestamp"),
            ReadColumn.detail("r.round_end_timestamp", "timestamptz", Detail.ROUND_END_TIMESTAMP),
            ReadColumn.detail("r.duration_seconds", "numeric", Detail.DURATION_SECONDS),
            ReadColumn.detail("r.stake_value", "numeric", Detail.STAKE_VALUE),
            ReadColumn.detail("r.strategy_name", "text", Detail.STRATEGY_NAME),
            ReadColumn.detail("r.strategy_step", "int", Detail.STRATEGY_STEP),
            ReadColumn.detail("r.target_multiplier", "numeric", Detail.TARGET_MULTIPLIER),
            ReadColumn.detail("r.crash_multiplier_detected", "numeric", Detail.CRASH_MULTIPLIER),
            ReadColumn.detail("r.cashout_multiplier", "numeric", Detail.CASHOUT_MULTIPLIER),
            ReadColumn.detail("r.final_multiplier", "numeric", Detail.FINAL_MULTIPLIER),
            ReadColumn.detail("r.multiplier_source", "text", Detail.MULTIPLIER_SOURCE),
            ReadColumn.detail("r.cashout_amount", "numeric", Detail.CASHOUT_AMOUNT),
            ReadColumn.detail("r.profit_loss_amount", "numeric", Detail.PROFIT_LOSS),
            ReadColumn.detail("r.running_balance_before", "numeric", Detail.RUNNING_BALANCE_BEFORE),
            ReadColumn.detail("r.running_balance_after", "numeric", Detail.RUNNING_BALANCE_AFTER),
            ReadColumn.detail("r.roi_percent", "numeric", Detail.ROI_PERCENT),
            ReadColumn.detail("r.ocr_raw_text", "text", Detail.OCR_TEXT),
            ReadColumn.detail("r.ocr_cleaned_value", "numeric", Detail.OCR_CLEANED_VALUE),
            ReadColumn.detail("r.multiplier_detection_confidence", "float8", Detail.OCR_CONFIDENCE),
            ReadColumn.detail("r.cashout_detection_confidence", "float8", Detail.CASHOUT_DETECTION_CONFIDENCE),
            ReadColumn.detail("r.screenshot_reference_id", "text", Detail.SCREENSHOT_REFERENCE_ID),
            ReadColumn.detail("r.round_outcome", "text", Detail.ROUND_OUTCOME),
            ReadColumn.detail("r.error_type", "text", Detail.ERROR_TYPE),
            ReadColumn.detail("r.error_description", "text", Detail.ERROR_DESCRIPTION),
            ReadColumn.detail("r.recovery_action_taken", "text", Detail.RECOVERY_ACTION_TAKEN),
            ReadColumn.detail("r.retry_count", "int", Detail.RETRY_COUNT),
            ReadColumn.jsonAsText("r.metadata", Detail.METADATA),
            ReadColumn.detail("r.data_quality_flags", "text[]", Detail.DATA_QUALITY_FLAGS),
            ReadColumn.detail("r.content_fingerprint", "text", Detail.CONTENT_FINGERPRINT),
            ReadColumn.detail("r.logged_at", "timestamptz", Detail.LOGGED_AT));

    /** A round's analytics row ({@code analytics_round_outcomes o}), named apart from the round's columns. */
    static final String READ_ANALYTICS_COLUMNS = """
            o.id AS outcome_id, o.outcome_category, o.win_streak_length, o.loss_streak_length, o.balance_after,
            o.actual_multiplier, o.hit_target, o.multiplier_error, o."timestamp" AS outcome_timestamp,
            o.date_bucket, o.hour_bucket""";
    /** A round with its analytics, as every read but a list's that leaves them out returns it. */
    static final String READ_COLUMNS = readColumns(Reading.EVERYTHING);
    /**
     * Every round has exactly one analytics row, written in its transaction, in the same month's partition: its
     * foreign key (round_id, "timestamp") references the round's (id, round_start_timestamp), ON UPDATE CASCADE
     * (changeset 0300). Matched on both, PostgreSQL prunes at run time to the one partition that holds it; matched on
     * the id alone it probed every month's (a 10 × 10 × 20 dashboard's rounds, 102,000 in eight monthly partitions:
     * 38-41 ms → 12-14 ms in {@code EXPLAIN ANALYZE}; a page of 100 rounds 1.7 → 0.4 ms). It is a LATERAL subquery
     * with LIMIT 1 so the planner cannot flatten it into a join of two whole tables: it misestimates the two correlated
     * equalities and chose hash joins over every partition when they were a plain join condition ({@code
     * KeysetPlansIT}).
     */
    static final String OUTCOME_JOIN = """
            CROSS JOIN LATERAL (SELECT * FROM analytics_round_outcomes o
                                WHERE o.round_id = r.id AND o."timestamp" = r.round_start_timestamp LIMIT 1) o""";
    static final String SELECT_ROUND = SqlTemplate.sql("SELECT {columns} FROM crash_game_rounds r {outcomeJoin}")
            .with("columns", READ_COLUMNS).with("outcomeJoin", OUTCOME_JOIN).text();

    /** The columns of a round, with {@link #READ_ANALYTICS_COLUMNS} when the reading includes them. */
    static String readColumns(Reading reading) {
        String round = readRoundColumns(reading.details());
        return reading.analytics() == Analytics.INCLUDED ? round + ",\n" + READ_ANALYTICS_COLUMNS : round;
    }

    /** A round's own columns (the names are unique, so they can be a subquery's). */
    private static String readRoundColumns(Set<Detail> details) {
        return ReadColumn.selected(READ_ROUND, details);
    }

    static final String STORED_COLUMNS = "bot_id, session_id, round_number, id, content_fingerprint";

    /** A round's natural key, in crash_game_rounds and in crash_game_round_keys alike; see {@link #mapKey}. */
    static final String KEY_COLUMNS = "bot_id, session_id, round_number";

    static final String KEYS_MATCH = """
            (bot_id, session_id, round_number) IN (
                SELECT * FROM unnest(CAST(:bots AS text[]), CAST(:sessions AS text[]), CAST(:numbers AS int[])))
            """;

    /**
     * The rows that belong to logged rounds (samples, signals), by their reference to the round: its id and start
     * time, their partition key, so PostgreSQL looks in one month's partition per round. Parameters: see
     * {@link #withLoggedRounds}.
     */
    static final String LOGGED_ROUNDS_MATCH = loggedRoundsMatch("round_start_timestamp");

    /** {@link #LOGGED_ROUNDS_MATCH} for a table whose copy of the round's start has another name. */
    static String loggedRoundsMatch(String roundStartColumn) {
        return SqlTemplate.sql("""
                (round_id, {roundStart}) IN (
                    SELECT * FROM unnest(CAST(:roundIds AS uuid[]), CAST(CAST(:starts AS text[]) AS timestamptz[])))
                """).with("roundStart", roundStartColumn).text();
    }

    /**
     * A sample's or signal's round_start_timestamp, its partition key (changelog 0300): its round's, looked up by the
     * round's id in crash_game_round_keys (one unpartitioned index), which the round's insert has filled already.
     * For a row of a round stored earlier; the rows of rounds written with them bind the start ({@link RoundStarts}).
     * Parameter: the round id.
     */
    static final String ROUND_START =
            "(SELECT k.round_start_timestamp FROM crash_game_round_keys k WHERE k.round_id = ?)";

    private RoundRows() {
    }

    static Batch<Round> inserts(List<Round> rounds, RowAuthors writtenBy) {
        return Batches.of(INSERT_ROUND, rounds, (parameters, round) -> parameters
                .uuid(round.id())
                .text(round.botId())
                .text(round.sessionId())
                .text(round.gameName())
                .text(round.platformCode())
                .integer(round.roundNumber())
                .text(round.roundExternalId())
                .time(round.roundStartTimestamp())
                .time(round.roundEndTimestamp())
                .decimal(round.durationSeconds())
                .decimal(round.stakeValue())
                .text(round.strategyName())
                .integer(round.strategyStep())
                .decimal(round.targetMultiplier())
                .decimal(round.crashMultiplier())
                .decimal(round.cashoutMultiplier())
                .decimal(round.finalMultiplier())
                .text(round.multiplierSource())
                .decimal(round.cashoutAmount())
                .decimal(round.profitLoss())
                .decimal(round.runningBalanceBefore())
                .decimal(round.runningBalanceAfter())
                .decimal(round.roiPercent())
                .text(round.ocrText())
                .decimal(round.ocrCleanedValue())
                .real(round.ocrConfidence())
                .real(round.cashoutDetectionConfidence())
                .text(round.screenshotReferenceId())
                .text(round.roundOutcome().name())
                .text(round.errorType())
                .text(round.errorDescription())
                .text(round.recoveryActionTaken())
                .integer(round.retryCount())
                .text(JsonColumns.text(round.metadata()))
                .text(flags(round.dataQualityFlags()))
                .text(round.contentFingerprint())
                .time(round.loggedAt())
                .uuid(writtenBy.ofRound(round.id())));
    }

    /** What a replay recomputed for rounds already stored: their flags... */
    static Batch<Round> restatedFlags(List<Round> rounds) {
        return Batches.of("UPDATE crash_game_rounds SET data_quality_flags = CAST(? AS text[]) WHERE id = ?", rounds,
                (parameters, round) -> parameters.text(flags(round.dataQualityFlags())).uuid(round.id()));
    }

    static JdbcClient.StatementSpec withLoggedRounds(JdbcClient.StatementSpec statement,
                                                     Collection<LoggedRoundKey> rounds) {
        return statement
                .param("roundIds", rounds.stream().map(LoggedRoundKey::roundId).toArray(UUID[]::new))
                .param("starts", rounds.stream().map(round -> SqlValues.asStored(round.roundStartTimestamp()).toString())
                        .toArray(String[]::new));
    }

    static JdbcClient.StatementSpec withKeys(JdbcClient.StatementSpec statement, Collection<RoundKey> keys) {
        return statement
                .param("bots", keys.stream().map(RoundKey::botId).toArray(String[]::new))
                .param("sessions", keys.stream().map(RoundKey::sessionId).toArray(String[]::new))
                .param("numbers", keys.stream().map(RoundKey::roundNumber).toArray(Integer[]::new));
    }

    /** A PostgreSQL array literal of flag names; flag names are plain upper-case words, so no quoting is needed. */
    static String flags(Set<DataQualityFlag> flags) {
        return flags.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    static Set<DataQualityFlag> flags(Array array) throws SQLException {
        Set<DataQualityFlag> flags = EnumSet.noneOf(DataQualityFlag.class);
        if (array != null) {
            for (Object name : (Object[]) array.getArray()) {
                flags.add(DataQualityFlag.valueOf((String) name));
            }
        }
        return flags;
    }

    /** A round read with {@link #READ_COLUMNS}. */
    static Round map(ResultSet rs, int row) throws SQLException {
        return round(rs, analytics(rs));
    }

    /** A round read without its analytics ({@link #readColumns} of a reading that leaves them out). */
    static Round mapWithoutAnalytics(ResultSet rs, int row) throws SQLException {
        return round(rs, null);
    }

    /** A round's analytics read with {@link #READ_ANALYTICS_COLUMNS}. */
    static RoundAnalytics analytics(ResultSet rs) throws SQLException {
        return new RoundAnalytics(
                rs.getObject("outcome_id", UUID.class),
                OutcomeCategory.fromCode(rs.getString("outcome_category")),
                rs.getInt("win_streak_length"),
                rs.getInt("loss_streak_length"),
                decimal(rs, "balance_after"),
                decimal(rs, "actual_multiplier"),
                rs.getObject("hit_target", Boolean.class),
                decimal(rs, "multiplier_error"),
                instant(rs, "outcome_timestamp"),
                rs.getObject("date_bucket", LocalDate.class),
                instant(rs, "hour_bucket"));
    }

    private static Round round(ResultSet rs, @Nullable RoundAnalytics analytics) throws SQLException {
        return new Round(
                rs.getObject("id", UUID.class),
                rs.getString("bot_id"),
                rs.getString("session_id"),
                rs.getString("game_name"),
                rs.getString("platform_code"),
                rs.getInt("round_number"),
                rs.getString("round_external_id"),
                instant(rs, "round_start_timestamp"),
                instant(rs, "round_end_timestamp"),
                decimal(rs, "duration_seconds"),
                decimal(rs, "stake_value"),
                rs.getString("strategy_name"),
                rs.getObject("strategy_step", Integer.class),
                decimal(rs, "target_multiplier"),
                decimal(rs, "crash_multiplier_detected"),
                decimal(rs, "cashout_multiplier"),
                decimal(rs, "final_multiplier"),
                rs.getString("multiplier_source"),
                decimal(rs, "cashout_amount"),
                decimal(rs, "profit_loss_amount"),
                decimal(rs, "running_balance_before"),
                decimal(rs, "running_balance_after"),
                decimal(rs, "roi_percent"),
                rs.getString("ocr_raw_text"),
                decimal(rs, "ocr_cleaned_value"),
                rs.getObject("multiplier_detection_confidence", Double.class),
                rs.getObject("cashout_detection_confidence", Double.class),
                rs.getString("screenshot_reference_id"),
                outcome(rs.getString("round_outcome")),
                rs.getString("error_type"),
                rs.getString("error_description"),
                rs.getString("recovery_action_taken"),
                rs.getInt("retry_count"),
                JsonColumns.document(rs, "metadata"),
                flags(rs.getArray("data_quality_flags")),
                rs.getString("content_fingerprint"),
                instant(rs, "logged_at"),
                analytics);
    }

    /** A round's outcome, or null for a round read without it ({@link Detail#ROUND_OUTCOME}). */
    private static @Nullable RoundOutcome outcome(@Nullable String name) {
        return name == null ? null : RoundOutcome.valueOf(name);
    }

    static Map.Entry<RoundKey, StoredRound> mapStored(ResultSet rs, int row) throws SQLException {
        return Map.entry(mapKey(rs, row), new StoredRound(rs.getObject("id", UUID.class), rs.getString("content_fingerprint")));
    }

    static RoundKey mapKey(ResultSet rs, int row) throws SQLException {
        return new RoundKey(rs.getString("bot_id"), rs.getString("session_id"), rs.getInt("round_number"));
    }
}
