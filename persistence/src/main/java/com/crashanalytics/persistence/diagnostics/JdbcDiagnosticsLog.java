package com.crashanalytics.persistence.diagnostics;

import static com.crashanalytics.persistence.common.SqlValues.instant;
import static com.crashanalytics.persistence.common.SqlValues.timestamptz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.diagnostics.DiagnosticsLog;
import com.crashanalytics.domain.diagnostics.ErrorLog;
import com.crashanalytics.domain.diagnostics.OcrValidation;
import com.crashanalytics.domain.diagnostics.Severity;
import com.crashanalytics.persistence.common.JsonColumns;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Errors in {@code error_logs}, OCR reads in {@code ocr_validation_logs}. Inserts with a client event id use
 * {@code ON CONFLICT DO NOTHING} on (bot_id, client_event_id), so concurrent retries write one row.
 */
public class JdbcDiagnosticsLog implements DiagnosticsLog {

    /** The error columns, the context as written or as read. */
    private static final String COLUMNS = """
            id, bot_id, session_id, round_id, round_number, client_event_id, error_type, severity, error_message,
            stack_trace, recovery_action, recovery_successful, {context}, "timestamp", content_fingerprint
            """;
    private static final String ERROR_COLUMNS = SqlTemplate.sql(COLUMNS).with("context", "context").text();
    /** The error columns as reads want them (the context as JSON text). */
    static final String ERROR_READ_COLUMNS = SqlTemplate.sql(COLUMNS).with("context", "context::text AS context")
            .text();

    private static final String OCR_INSERT_IF_ABSENT = SqlTemplate.sql("{insert} ON CONFLICT (bot_id, client_event_id) DO NOTHING")
            .with("insert", OcrValidationRows.INSERT).text();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Authorship authorship;

    public JdbcDiagnosticsLog(JdbcClient jdbc, JdbcTemplate template, Authorship authorship) {
        this.jdbc = jdbc;
        this.template = template;
        this.authorship = authorship;
    }

    @Override
    public Optional<UUID> findRoundId(String botId, String sessionId, int roundNumber) {
        return jdbc.sql("""
                        SELECT id FROM crash_game_rounds
                        WHERE bot_id = :botId AND session_id = :sessionId AND round_number = :roundNumber
                        """)
                .param("botId", botId)
                .param("sessionId", sessionId)
                .param("roundNumber", roundNumber)
                .query(UUID.class)
                .optional();
    }

    @Override
    public boolean insertIfAbsent(ErrorLog error) {
        return jdbc.sql(SqlTemplate.sql("""
                        INSERT INTO error_logs ({columns}
                        , written_by_key_id
                        ) VALUES (:id, :botId, :sessionId, :roundId, :roundNumber, :clientEventId, :errorType, :severity,
                                  :errorMessage, :stackTrace, :recoveryAction, :recoverySuccessful,
                                  CAST(:context AS jsonb), :timestamp, :fingerprint, CAST(:writtenBy AS uuid))
                        ON CONFLICT (bot_id, client_event_id) DO NOTHING
                        """).with("columns", ERROR_COLUMNS).text())
                .param("id", error.id())
                .param("botId", error.botId())
                .param("sessionId", error.sessionId())
                .param("roundId", error.roundId())
                .param("roundNumber", error.roundNumber())
                .param("clientEventId", error.clientEventId())
                .param("errorType", error.errorType())
                .param("severity", error.severity().name())
                .param("errorMessage", error.errorMessage())
                .param("stackTrace", error.stackTrace())
                .param("recoveryAction", error.recoveryAction())
                .param("recoverySuccessful", error.recoverySuccessful())
                .param("context", JsonColumns.text(error.context()))
                .param("timestamp", timestamptz(error.timestamp()))
                .param("fingerprint", error.contentFingerprint())
                .param("writtenBy", authorship.currentKeyId().orElse(null))
                .update() == 1;
    }

    @Override
    public Optional<ErrorLog> findError(String botId, String clientEventId) {
        return jdbc.sql(SqlTemplate.sql("""
                        SELECT {columns} FROM error_logs WHERE bot_id = :botId AND client_event_id = :clientEventId""")
                        .with("columns", ERROR_READ_COLUMNS).text())
                .param("botId", botId)
                .param("clientEventId", clientEventId)
                .query(JdbcDiagnosticsLog::mapError)
                .optional();
    }

    @Override
    public boolean insertIfAbsent(OcrValidation ocrValidation) {
        return template.update(OCR_INSERT_IF_ABSENT,
                statement -> OcrValidationRows.fill(statement, ocrValidation, authorship.currentKeyId().orElse(null))) == 1;
    }

    @Override
    public Optional<OcrValidation> findOcrValidation(String botId, String clientEventId) {
        return jdbc.sql(SqlTemplate.sql("""
                        SELECT {columns} FROM ocr_validation_logs WHERE bot_id = :botId AND client_event_id = :clientEventId""")
                        .with("columns", OcrValidationRows.COLUMNS).text())
                .param("botId", botId)
                .param("clientEventId", clientEventId)
                .query(OcrValidationRows::map)
                .optional();
    }

    static ErrorLog mapError(ResultSet rs, int row) throws SQLException {
        return new ErrorLog(
                rs.getObject("id", UUID.class),
                rs.getString("bot_id"),
                rs.getString("session_id"),
                rs.getObject("round_id", UUID.class),
                rs.getObject("round_number", Integer.class),
                rs.getString("client_event_id"),
                rs.getString("error_type"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("error_message"),
                rs.getString("stack_trace"),
                rs.getString("recovery_action"),
                rs.getObject("recovery_successful", Boolean.class),
                JsonColumns.document(rs, "context"),
                instant(rs, "timestamp"),
                rs.getString("content_fingerprint"));
    }
}
