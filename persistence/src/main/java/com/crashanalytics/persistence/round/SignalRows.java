package com.crashanalytics.persistence.round;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import com.crashanalytics.domain.round.RoundReadModel.SignalDetail;
import com.crashanalytics.domain.round.RoundReadModel.SignalReading;
import com.crashanalytics.domain.round.Signal;
import com.crashanalytics.persistence.common.Batches.Batch;
import com.crashanalytics.persistence.common.Batches;
import com.crashanalytics.persistence.common.JsonColumns;
import com.crashanalytics.persistence.common.Parameters;
import com.crashanalytics.persistence.common.RowAuthors;
import com.crashanalytics.persistence.common.SqlTemplate;

/**
 * Signals as rows of {@code analytics_round_signals}: the columns, the insert (a pending signal has no round yet), the
 * resolution that ties a pending signal to its round once logged, and the read.
 */
final class SignalRows {

    /**
     * The signal columns, as a read of rounds' signals selects them ({@link ReadColumn}): the identity always, each
     * detail when asked for, the feature vector as JSON text.
     */
    private static final List<ReadColumn<SignalDetail>> READ_SIGNAL = List.of(
            ReadColumn.always("id"), ReadColumn.always("round_id"), ReadColumn.always("round_number"),
            ReadColumn.always("bot_id"), ReadColumn.always("session_id"),
            ReadColumn.detail("game_name", "text", SignalDetail.GAME_NAME),
            ReadColumn.detail("platform_code", "text", SignalDetail.PLATFORM_CODE),
            ReadColumn.detail("signal_type", "text", SignalDetail.SIGNAL_TYPE),
            ReadColumn.detail("client_signal_id", "text", SignalDetail.CLIENT_SIGNAL_ID),
            ReadColumn.always("\"timestamp\""),
            ReadColumn.detail("confidence_score", "float8", SignalDetail.CONFIDENCE_SCORE),
            ReadColumn.detail("predicted_multiplier", "numeric", SignalDetail.PREDICTED_MULTIPLIER),
            ReadColumn.detail("time_to_crash_predicted_ms", "int", SignalDetail.TIME_TO_CRASH_PREDICTED_MS),
            ReadColumn.detail("pattern_match_type", "text", SignalDetail.PATTERN_TYPE),
            ReadColumn.jsonAsText("feature_vector", SignalDetail.FEATURE_VECTOR),
            ReadColumn.detail("signal_correctness", "boolean", SignalDetail.SIGNAL_CORRECTNESS),
            ReadColumn.detail("actual_multiplier", "numeric", SignalDetail.ACTUAL_MULTIPLIER),
            ReadColumn.detail("prediction_error", "numeric", SignalDetail.PREDICTION_ERROR),
            ReadColumn.detail("content_fingerprint", "text", SignalDetail.CONTENT_FINGERPRINT));

    /** The signal columns by name, as an insert lists them. */
    private static final String SIGNAL_COLUMNS = ReadColumn.names(READ_SIGNAL);

    /** Every signal column, selected as {@link #map} reads it. */
    static final String SELECTED_SIGNAL_COLUMNS = selectedColumns(SignalReading.EVERYTHING);

    /**
     * Signals logged ahead of their round, not linked to it yet. The second condition follows from the first (a
     * check, ck_signal_round_start_with_round, keeps the two columns NULL together) and is there for the planner:
     * round_start_timestamp is the partition key and NULL only in the default partition, so PostgreSQL plans and
     * reads that partition alone instead of every month's.
     */
    static final String PENDING_SIGNALS = "round_id IS NULL AND round_start_timestamp IS NULL";

    static final String INSERT_WITH_ROUND_START = insert("?");
    static final String INSERT_LOOKING_UP_ROUND_START = insert(RoundRows.ROUND_START);

    private static final String RESOLVE = SqlTemplate.sql("""
            UPDATE analytics_round_signals
            SET round_id = ?, round_start_timestamp = {roundStart}, signal_correctness = ?, actual_multiplier = ?,
                prediction_error = ?
            WHERE id = ?
            """).with("roundStart", RoundRows.ROUND_START).text();

    private SignalRows() {
    }

    /** The insert, the round's start bound ({@code ?}) or looked up ({@link RoundRows#ROUND_START}). */
    private static String insert(String roundStart) {
        return SqlTemplate.sql("""
                INSERT INTO analytics_round_signals ({columns}{writtenBy}, round_start_timestamp)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, {roundStart})""")
                .with("columns", SIGNAL_COLUMNS).with("writtenBy", RoundRows.WRITTEN_BY)
                .with("roundStart", roundStart).text();
    }

    /**
     * The signals' inserts: those of rounds written with them or of no round yet (pending), then those of rounds
     * stored earlier.
     */
    static List<Batch<Signal>> inserts(List<Signal> signals, RowAuthors writtenBy, RoundStarts starts) {
        return starts.inserts(INSERT_WITH_ROUND_START, INSERT_LOOKING_UP_ROUND_START, signals, Signal::roundId,
                (parameters, signal) -> fill(parameters, signal, writtenBy));
    }

    /** Every parameter but the round's start. */
    private static Parameters fill(Parameters parameters, Signal signal, RowAuthors writtenBy) throws SQLException {
        return parameters
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
                        .uuid(writtenBy.ofRound(signal.roundId()));
    }

    static Batch<Signal> resolutions(List<Signal> signals) {
        return Batches.of(RESOLVE, signals, (parameters, signal) -> parameters
                .uuid(signal.roundId())
                .uuid(signal.roundId())
                .bool(signal.signalCorrectness())
                .decimal(signal.actualMultiplier())
                .decimal(signal.predictionError())
                .uuid(signal.id()));
    }

    /** The signal columns a read with this reading selects. */
    static String selectedColumns(SignalReading reading) {
        return ReadColumn.selected(READ_SIGNAL, reading.details());
    }

    /**
     * A signal as read: a column its reading left out is NULL, and the signal holds null for it (0 for its
     * confidence).
     */
    static Signal map(ResultSet rs, int row) throws SQLException {
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
