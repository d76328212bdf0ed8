package com.crashanalytics.persistence.diagnostics;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import com.crashanalytics.domain.diagnostics.OcrValidation;
import com.crashanalytics.domain.diagnostics.ValidationStatus;
import com.crashanalytics.persistence.common.Batches;
import com.crashanalytics.persistence.common.Parameters;
import com.crashanalytics.persistence.common.RowAuthors;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.jspecify.annotations.Nullable;

/** {@code ocr_validation_logs} rows, written alone (logOcrValidation) or nested in a round's batch. */
public final class OcrValidationRows {

    static final String COLUMNS = """
            id, bot_id, session_id, round_id, round_number, client_event_id, field_name, raw_ocr_text, cleaned_value,
            expected_value, confidence, validation_status, screenshot_reference_id, processing_time_ms, "timestamp",
            content_fingerprint
            """;
    /** The columns and, last, who wrote the row (the request's key, see {@code Authorship}). */
    static final String INSERT = SqlTemplate.sql("""
            INSERT INTO ocr_validation_logs ({columns}, written_by_key_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").with("columns", COLUMNS).text();

    private OcrValidationRows() {
    }

    /** The reads as a batch, to write with others. */
    public static Batches.Batch<OcrValidation> batch(List<OcrValidation> reads, RowAuthors writtenBy) {
        return Batches.of(INSERT, reads, (parameters, read) -> fill(parameters, read, writtenBy.ofRound(read.roundId())));
    }

    static void fill(PreparedStatement statement, OcrValidation read, @Nullable UUID writtenBy) throws SQLException {
        fill(Parameters.of(statement), read, writtenBy);
    }

    private static void fill(Parameters parameters, OcrValidation read, @Nullable UUID writtenBy) throws SQLException {
        parameters
                .uuid(read.id())
                .text(read.botId())
                .text(read.sessionId())
                .uuid(read.roundId())
                .integer(read.roundNumber())
                .text(read.clientEventId())
                .text(read.fieldName())
                .text(read.rawOcrText())
                .decimal(read.cleanedValue())
                .decimal(read.expectedValue())
                .real(read.confidence())
                .text(read.validationStatus().name())
                .text(read.screenshotReferenceId())
                .integer(read.processingTimeMs())
                .time(read.timestamp())
                .text(read.contentFingerprint())
                .uuid(writtenBy);
    }

    static OcrValidation map(ResultSet rs, int row) throws SQLException {
        return new OcrValidation(
                rs.getObject("id", UUID.class),
                rs.getString("bot_id"),
                rs.getString("session_id"),
                rs.getObject("round_id", UUID.class),
                rs.getObject("round_number", Integer.class),
                rs.getString("client_event_id"),
                rs.getString("field_name"),
                rs.getString("raw_ocr_text"),
                decimal(rs, "cleaned_value"),
                decimal(rs, "expected_value"),
                rs.getObject("confidence", Double.class),
                ValidationStatus.valueOf(rs.getString("validation_status")),
                rs.getString("screenshot_reference_id"),
                rs.getObject("processing_time_ms", Integer.class),
                instant(rs, "timestamp"),
                rs.getString("content_fingerprint"));
    }
}
