package com.crashanalytics.persistence.round;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.round.DataQualityFlag;
import com.crashanalytics.domain.round.MultiplierSample;
import com.crashanalytics.domain.round.OutcomeCategory;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundAnalytics;
import com.crashanalytics.domain.round.RoundKey;
import com.crashanalytics.domain.round.RoundLogbook;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.domain.round.Signal;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.persistence.common.Batches;
import com.crashanalytics.persistence.common.Batches.Batch;
import com.crashanalytics.persistence.common.JsonColumns;
import com.crashanalytics.persistence.common.Parameters;
import com.crashanalytics.persistence.diagnostics.OcrValidationRows;
import com.crashanalytics.persistence.session.SessionRows;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rounds in {@code crash_game_rounds} with their derived row in {@code analytics_round_outcomes}, samples in
 * {@code analytics_round_multipliers}, signals in {@code analytics_round_signals}, nested OCR reads in
 * {@code ocr_validation_logs}, and the running totals those rounds move in {@code session_logs}. A request's writes
 * are one JDBC batch per table, or for a small request (a round, its samples, its session) one multi-statement: one
 * round trip either way per table at most. Ids come from the domain, so no {@code RETURNING} stops the driver from
 * rewriting a batch into multi-row inserts. Reading before a write is one round trip too ({@link #lockAndLookUp}).
 */
public class JdbcRoundLogbook implements RoundLogbook {

    private static final String ROUND_COLUMNS = """
            id, bot_id, session_id, game_name, platform_code, round_number, round_external_id, round_start_timestamp,
            round_end_timestamp, duration_seconds, stake_value, strategy_name, strategy_step, target_multiplier,
            crash_multiplier_detected, cashout_multiplier, final_multiplier, multiplier_source, cashout_amount,
            profit_loss_amount, running_balance_before, running_balance_after, roi_percent, ocr_raw_text,
            ocr_cleaned_value, multiplier_detection_confidence, cashout_detection_confidence, screenshot_reference_id,
            round_outcome, error_type, error_description, recovery_action_taken, retry_count, metadata,
            data_quality_flags, content_fingerprint, logged_at
            """;
    /** Who wrote a row: the key of the request ({@link Authorship}), after the table's own columns in every insert. */
    private static final String WRITTEN_BY = ", written_by_key_id";
    private static final String INSERT_ROUND = "INSERT INTO crash_game_rounds (" + ROUND_COLUMNS + WRITTEN_BY + ") VALUES ("
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "CAST(? AS jsonb), CAST(? AS text[]), ?, ?, ?)";

    private static final String OUTCOME_COLUMNS = """
            id, round_id, round_number, bot_id, session_id, game_name, platform_code, strategy_name, outcome,
            stake_value, profit_loss, roi_percent, balance_after, target_multiplier, actual_multiplier, crash_multiplier,
            hit_target, multiplier_error, outcome_category, win_streak_length, loss_streak_length, "timestamp",
            date_bucket, hour_bucket
            """;
    private static final String INSERT_OUTCOME = "INSERT INTO analytics_round_outcomes (" + OUTCOME_COLUMNS + WRITTEN_BY
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A round with its analytics, as every read returns it (the names are unique, so it can be a subquery's). */
    static final String READ_COLUMNS = """
            r.id, r.bot_id, r.session_id, r.game_name, r.platform_code, r.round_number, r.round_external_id,
            r.round_start_timestamp, r.round_end_timestamp, r.duration_seconds, r.stake_value, r.strategy_name,
            r.strategy_step, r.target_multiplier, r.crash_multiplier_detected, r.cashout_multiplier,
            r.final_multiplier, r.multiplier_source, r.cashout_amount, r.profit_loss_amount,
            r.running_balance_before, r.running_balance_after, r.roi_percent, r.ocr_raw_text, r.ocr_cleaned_value,
            r.multiplier_detection_confidence, r.cashout_detection_confidence, r.screenshot_reference_id,
            r.round_outcome, r.error_type, r.error_description, r.recovery_action_taken, r.retry_count,
            r.metadata::text AS metadata, r.data_quality_flags, r.content_fingerprint, r.logged_at,
            o.id AS outcome_id, o.outcome_category, o.win_streak_length, o.loss_streak_length, o.balance_after,
            o.actual_multiplier, o.hit_target, o.multiplier_error, o."timestamp" AS outcome_timestamp,
            o.date_bucket, o.hour_bucket
            """;
    /** Every round has exactly one analytics row, written in its transaction. */
    static final String OUTCOME_JOIN = "JOIN analytics_round_outcomes o ON o.round_id = r.id";
    private static final String SELECT_ROUND = "SELECT " + READ_COLUMNS + " FROM crash_game_rounds r " + OUTCOME_JOIN;

    static final String SAMPLE_COLUMNS = """
            id, round_id, sample_index, bot_id, session_id, game_name, platform_code, multiplier, "timestamp",
            elapsed_ms, is_crash_multiplier, is_cashout_multiplier, ocr_confidence, data_quality_score, date_bucket,
            content_fingerprint
            """;

    /**
     * A sample's or signal's round_start_timestamp, its partition key (changelog 0300): its round's, looked up by the
     * round's id in crash_game_round_keys (one unpartitioned index), which the round's insert has filled already.
     * NULL for a pending signal, which has no round yet. Parameter: the round id.
     */
    private static final String ROUND_START =
            "(SELECT k.round_start_timestamp FROM crash_game_round_keys k WHERE k.round_id = ?)";

    private static final String STORED_COLUMNS = "bot_id, session_id, round_number, id, content_fingerprint";

    static final String SIGNAL_COLUMNS = """
            id, round_id, round_number, bot_id, session_id, game_name, platform_code, signal_type, client_signal_id,
            "timestamp", confidence_score, predicted_multiplier, time_to_crash_predicted_ms, pattern_match_type,
            feature_vector, signal_correctness, actual_multiplier, prediction_error, content_fingerprint
            """;
    /** The signal columns as selected: the feature vector as JSON text. */
    static final String SELECTED_SIGNAL_COLUMNS =
            SIGNAL_COLUMNS.replace("feature_vector,", "feature_vector::text AS feature_vector,");


    /**
     * Three statements sent in one round trip: the server runs them in order, so the lookups take their snapshots
     * once the lock is granted and see what a transaction that held it committed. Parameters: the session ids, then
     * the keys' bots, sessions and numbers twice.
     */
    private static final String LOCK_AND_LOOK_UP = "SELECT " + SessionRows.COLUMNS
            + " FROM session_logs WHERE session_id = ANY(?) ORDER BY session_id FOR UPDATE;\n"
            + "SELECT " + STORED_COLUMNS + " FROM crash_game_rounds WHERE (bot_id, session_id, round_number) IN ("
            + "SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS int[])));\n"
            + "SELECT " + SELECTED_SIGNAL_COLUMNS + " FROM analytics_round_signals WHERE round_id IS NULL AND "
            + "(bot_id, session_id, round_number) IN (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), "
            + "CAST(? AS int[])))";

    /**
     * The same for one round, the common case, with plain parameters: PostgreSQL plans the array form again on
     * every execution (its generic plan assumes ten keys and looks dearer than a fresh one), and a plan costs more
     * than the lookup. Parameters: the session id, then the round's bot, session and number twice.
     */
    private static final String LOCK_AND_LOOK_UP_ONE = "SELECT " + SessionRows.COLUMNS
            + " FROM session_logs WHERE session_id = ? FOR UPDATE;\n"
            + "SELECT " + STORED_COLUMNS + " FROM crash_game_rounds WHERE bot_id = ? AND session_id = ? AND "
            + "round_number = ?;\n"
            + "SELECT " + SELECTED_SIGNAL_COLUMNS + " FROM analytics_round_signals WHERE round_id IS NULL AND "
            + "bot_id = ? AND session_id = ? AND round_number = ?";

    static final String KEYS_MATCH = """
            (bot_id, session_id, round_number) IN (
                SELECT * FROM unnest(CAST(:bots AS text[]), CAST(:sessions AS text[]), CAST(:numbers AS int[])))
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Authorship authorship;

    public JdbcRoundLogbook(JdbcClient jdbc, JdbcTemplate batches, Authorship authorship) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.authorship = authorship;
    }

    @Override
    public Lookup lockAndLookUp(Collection<String> sessionIds, Collection<RoundKey> keys) {
        return batches.execute((Connection connection) -> {
            boolean one = sessionIds.size() == 1 && keys.size() == 1;
            try (PreparedStatement statement = connection.prepareStatement(one ? LOCK_AND_LOOK_UP_ONE : LOCK_AND_LOOK_UP)) {
                Parameters parameters = new Parameters(statement);
                if (one) {
                    RoundKey key = keys.iterator().next();
                    parameters.text(sessionIds.iterator().next());
                    for (int lookup = 0; lookup < 2; lookup++) {
                        parameters.text(key.botId()).text(key.sessionId()).integer(key.roundNumber());
                    }
                } else {
                    List<String> bots = keys.stream().map(RoundKey::botId).toList();
                    List<String> sessions = keys.stream().map(RoundKey::sessionId).toList();
                    List<Integer> numbers = keys.stream().map(RoundKey::roundNumber).toList();
                    parameters.texts(sessionIds);
                    for (int lookup = 0; lookup < 2; lookup++) {
                        parameters.texts(bots).texts(sessions).integers(numbers);
                    }
                }
                statement.execute();
                List<Session> locked = rows(statement.getResultSet(), SessionRows::map);
                statement.getMoreResults();
                Map<RoundKey, StoredRound> stored = new HashMap<>();
                for (Map.Entry<RoundKey, StoredRound> row : rows(statement.getResultSet(), JdbcRoundLogbook::mapStored)) {
                    stored.put(row.getKey(), row.getValue());
                }
                statement.getMoreResults();
                return new Lookup(locked, stored, rows(statement.getResultSet(), JdbcRoundLogbook::mapSignal));
            }
        });
    }

    private static <T> List<T> rows(ResultSet resultSet, RowMapper<T> mapper) throws SQLException {
        try (resultSet) {
            List<T> rows = new ArrayList<>();
            while (resultSet.next()) {
                rows.add(mapper.mapRow(resultSet, rows.size()));
            }
            return rows;
        }
    }

    private static Map.Entry<RoundKey, StoredRound> mapStored(ResultSet rs, int row) throws SQLException {
        return Map.entry(new RoundKey(rs.getString("bot_id"), rs.getString("session_id"), rs.getInt("round_number")),
                new StoredRound(rs.getObject("id", UUID.class), rs.getString("content_fingerprint")));
    }

    @Override
    public Map<RoundKey, StoredRound> findStored(Collection<RoundKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<RoundKey, StoredRound> stored = new HashMap<>();
        withKeys(jdbc.sql("SELECT " + STORED_COLUMNS + " FROM crash_game_rounds WHERE " + KEYS_MATCH), keys)
                .query((RowCallbackHandler) rs -> {
                    Map.Entry<RoundKey, StoredRound> row = mapStored(rs, 0);
                    stored.put(row.getKey(), row.getValue());
                });
        return stored;
    }

    @Override
    public Optional<Round> findRound(UUID id) {
        return jdbc.sql(SELECT_ROUND + " WHERE r.id = :id").param("id", id).query(JdbcRoundLogbook::mapRound).optional();
    }

    @Override
    public List<Round> findRounds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_ROUND + " WHERE r.id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(JdbcRoundLogbook::mapRound)
                .list();
    }

    @Override
    public List<Round> roundsOf(String sessionId) {
        return jdbc.sql(SELECT_ROUND + " WHERE r.session_id = :sessionId ORDER BY r.round_number")
                .param("sessionId", sessionId)
                .query(JdbcRoundLogbook::mapRound)
                .list();
    }

    @Override
    public List<Signal> signalsOf(Collection<RoundKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return withKeys(jdbc.sql("SELECT " + SELECTED_SIGNAL_COLUMNS + " FROM analytics_round_signals WHERE " + KEYS_MATCH), keys)
                .query(JdbcRoundLogbook::mapSignal)
                .list();
    }

    @Override
    public Optional<MultiplierSample> findSample(UUID roundId, int sampleIndex) {
        return jdbc.sql("SELECT " + SAMPLE_COLUMNS
                        + " FROM analytics_round_multipliers WHERE round_id = :roundId AND sample_index = :sampleIndex")
                .param("roundId", roundId)
                .param("sampleIndex", sampleIndex)
                .query(JdbcRoundLogbook::mapSample)
                .optional();
    }

    @Override
    public void append(RoundRecords records) {
        @Nullable UUID writtenBy = authorship.currentKeyId().orElse(null);
        Batches.runTogether(batches, List.of(
                roundRows(records.rounds(), writtenBy),
                outcomeRows(records.rounds(), writtenBy),
                sampleRows(records.samples(), writtenBy),
                signalRows(records.newSignals(), writtenBy),
                resolutions(records.resolvedSignals()),
                OcrValidationRows.batch(records.ocrValidations(), writtenBy),
                restatedFlags(records.restatedRounds()),
                restatedOutcomes(records.restatedRounds()),
                Batches.of(SessionRows.UPDATE, records.countedSessions(), SessionRows::fillUpdate)));
    }

    /** What a replay recomputed for rounds already stored: their flags... */
    private static Batch<Round> restatedFlags(List<Round> rounds) {
        return Batches.of("UPDATE crash_game_rounds SET data_quality_flags = CAST(? AS text[]) WHERE id = ?", rounds,
                (parameters, round) -> parameters.text(flags(round.dataQualityFlags())).uuid(round.id()));
    }

    /** ...and their analytics' streaks, category and balance. */
    private static Batch<Round> restatedOutcomes(List<Round> rounds) {
        return Batches.of("""
                UPDATE analytics_round_outcomes
                SET outcome_category = ?, win_streak_length = ?, loss_streak_length = ?, balance_after = ?
                WHERE round_id = ?
                """, rounds, (parameters, round) -> parameters
                .text(round.analytics().outcomeCategory().code())
                .integer(round.analytics().winStreakLength())
                .integer(round.analytics().lossStreakLength())
                .decimal(round.analytics().balanceAfter())
                .uuid(round.id()));
    }

    private static Batch<Round> roundRows(List<Round> rounds, @Nullable UUID writtenBy) {
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
                .uuid(writtenBy));
    }

    private static Batch<Round> outcomeRows(List<Round> rounds, @Nullable UUID writtenBy) {
        return Batches.of(INSERT_OUTCOME, rounds, (parameters, round) -> {
            RoundAnalytics analytics = round.analytics();
            parameters
                    .uuid(analytics.id())
                    .uuid(round.id())
                    .integer(round.roundNumber())
                    .text(round.botId())
                    .text(round.sessionId())
                    .text(round.gameName())
                    .text(round.platformCode())
                    .text(round.strategyName())
                    .text(round.roundOutcome().name())
                    .decimal(round.stakeValue())
                    .decimal(round.profitLoss())
                    .decimal(round.roiPercent())
                    .decimal(analytics.balanceAfter())
                    .decimal(round.targetMultiplier())
                    .decimal(analytics.actualMultiplier())
                    .decimal(round.crashMultiplier())
                    .bool(analytics.hitTarget())
                    .decimal(analytics.multiplierError())
                    .text(analytics.outcomeCategory().code())
                    .integer(analytics.winStreakLength())
                    .integer(analytics.lossStreakLength())
                    .time(analytics.timestamp())
                    .date(analytics.dateBucket())
                    .time(analytics.hourBucket())
                    .uuid(writtenBy);
        });
    }

    private static Batch<MultiplierSample> sampleRows(List<MultiplierSample> samples, @Nullable UUID writtenBy) {
        return Batches.of("INSERT INTO analytics_round_multipliers (" + SAMPLE_COLUMNS + WRITTEN_BY
                + ", round_start_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + ROUND_START
                + ")", samples, (parameters, sample) -> parameters
                .uuid(sample.id())
                .uuid(sample.roundId())
                .integer(sample.sampleIndex())
                .text(sample.botId())
                .text(sample.sessionId())
                .text(sample.gameName())
                .text(sample.platformCode())
                .decimal(sample.multiplier())
                .time(sample.timestamp())
                .integer(sample.elapsedMs())
                .bool(sample.isCrash())
                .bool(sample.isCashout())
                .real(sample.ocrConfidence())
                .real(sample.dataQualityScore())
                .date(sample.dateBucket())
                .text(sample.contentFingerprint())
                .uuid(writtenBy)
                .uuid(sample.roundId()));
    }

    private static Batch<Signal> signalRows(List<Signal> signals, @Nullable UUID writtenBy) {
        return Batches.of("INSERT INTO analytics_round_signals (" + SIGNAL_COLUMNS + WRITTEN_BY
                        + ", round_start_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), "
                        + "?, ?, ?, ?, ?, " + ROUND_START + ")", signals,
                (parameters, signal) -> parameters
                        .uuid(signal.id())
                        .uuid(signal.roundId())
                        .integer(signal.roundNumber())
                        .text(signal.botId())
                        .text(signal.sessionId())
                        .text(signal.gameName())
                        .text(signal.platformCode())
                        .text(signal.signalType())
                        .text(signal.clientSignalId())
                        .time(signal.timestamp())
                        .real(signal.confidenceScore())
                        .decimal(signal.predictedMultiplier())
                        .integer(signal.timeToCrashPredictedMs())
                        .text(signal.patternType())
                        .text(JsonColumns.text(signal.featureVector()))
                        .bool(signal.signalCorrectness())
                        .decimal(signal.actualMultiplier())
                        .decimal(signal.predictionError())
                        .text(signal.contentFingerprint())
                        .uuid(writtenBy)
                        .uuid(signal.roundId()));
    }

    private static Batch<Signal> resolutions(List<Signal> signals) {
        return Batches.of("""
                UPDATE analytics_round_signals
                SET round_id = ?, round_start_timestamp = %s, signal_correctness = ?, actual_multiplier = ?,
                    prediction_error = ?
                WHERE id = ?
                """.formatted(ROUND_START), signals, (parameters, signal) -> parameters
                .uuid(signal.roundId())
                .uuid(signal.roundId())
                .bool(signal.signalCorrectness())
                .decimal(signal.actualMultiplier())
                .decimal(signal.predictionError())
                .uuid(signal.id()));
    }

    static JdbcClient.StatementSpec withKeys(JdbcClient.StatementSpec statement, Collection<RoundKey> keys) {
        return statement
                .param("bots", keys.stream().map(RoundKey::botId).toArray(String[]::new))
                .param("sessions", keys.stream().map(RoundKey::sessionId).toArray(String[]::new))
                .param("numbers", keys.stream().map(RoundKey::roundNumber).toArray(Integer[]::new));
    }

    /** A PostgreSQL array literal of flag names; flag names are plain upper-case words, so no quoting is needed. */
    private static String flags(Set<DataQualityFlag> flags) {
        return flags.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static Set<DataQualityFlag> flags(Array array) throws SQLException {
        Set<DataQualityFlag> flags = EnumSet.noneOf(DataQualityFlag.class);
        if (array != null) {
            for (Object name : (Object[]) array.getArray()) {
                flags.add(DataQualityFlag.valueOf((String) name));
            }
        }
        return flags;
    }

    static Round mapRound(ResultSet rs, int row) throws SQLException {
        RoundAnalytics analytics = new RoundAnalytics(
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
                RoundOutcome.valueOf(rs.getString("round_outcome")),
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

    static MultiplierSample mapSample(ResultSet rs, int row) throws SQLException {
        return new MultiplierSample(
                rs.getObject("id", UUID.class),
                rs.getObject("round_id", UUID.class),
                rs.getInt("sample_index"),
                rs.getString("bot_id"),
                rs.getString("session_id"),
                rs.getString("game_name"),
                rs.getString("platform_code"),
                decimal(rs, "multiplier"),
                instant(rs, "timestamp"),
                rs.getObject("elapsed_ms", Integer.class),
                rs.getBoolean("is_crash_multiplier"),
                rs.getBoolean("is_cashout_multiplier"),
                rs.getObject("ocr_confidence", Double.class),
                rs.getObject("data_quality_score", Double.class),
                rs.getObject("date_bucket", LocalDate.class),
                rs.getString("content_fingerprint") == null ? "" : rs.getString("content_fingerprint"));
    }

    static Signal mapSignal(ResultSet rs, int row) throws SQLException {
        return new Signal(
                rs.getObject("id", UUID.class),
                rs.getObject("round_id", UUID.class),
                rs.getInt("round_number"),
                rs.getString("bot_id"),
                rs.getString("session_id"),
                rs.getString("game_name"),
                rs.getString("platform_code"),
                rs.getString("signal_type"),
                rs.getString("client_signal_id"),
                instant(rs, "timestamp"),
                rs.getDouble("confidence_score"),
                decimal(rs, "predicted_multiplier"),
                rs.getObject("time_to_crash_predicted_ms", Integer.class),
                rs.getString("pattern_match_type"),
                JsonColumns.document(rs, "feature_vector"),
                rs.getObject("signal_correctness", Boolean.class),
                decimal(rs, "actual_multiplier"),
                decimal(rs, "prediction_error"),
                rs.getString("content_fingerprint"));
    }
}
