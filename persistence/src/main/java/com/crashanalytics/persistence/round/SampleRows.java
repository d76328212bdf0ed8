package com.crashanalytics.persistence.round;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.crashanalytics.domain.round.MultiplierSample;
import com.crashanalytics.persistence.common.Batches.Batch;
import com.crashanalytics.persistence.common.Parameters;
import com.crashanalytics.persistence.common.RowAuthors;
import com.crashanalytics.persistence.common.SqlTemplate;

/** A round's multiplier samples as rows of {@code analytics_round_multipliers}: the columns, the insert, the read. */
final class SampleRows {

    static final String SAMPLE_COLUMNS = """
            id, round_id, sample_index, bot_id, session_id, game_name, platform_code, multiplier, "timestamp",
            elapsed_ms, is_crash_multiplier, is_cashout_multiplier, ocr_confidence, data_quality_score, date_bucket,
            content_fingerprint
            """;

    static final String INSERT_WITH_ROUND_START = insert("?");
    static final String INSERT_LOOKING_UP_ROUND_START = insert(RoundRows.ROUND_START);

    private SampleRows() {
    }

    /** The insert, the round's start bound ({@code ?}) or looked up ({@link RoundRows#ROUND_START}). */
    private static String insert(String roundStart) {
        return SqlTemplate.sql("""
                INSERT INTO analytics_round_multipliers ({columns}{writtenBy}, round_start_timestamp)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {roundStart})""")
                .with("columns", SAMPLE_COLUMNS).with("writtenBy", RoundRows.WRITTEN_BY)
                .with("roundStart", roundStart).text();
    }

    /** The samples' inserts: those of rounds written with them, then those of rounds stored earlier. */
    static List<Batch<MultiplierSample>> inserts(List<MultiplierSample> samples, RowAuthors writtenBy,
                                                 RoundStarts starts) {
        return starts.inserts(INSERT_WITH_ROUND_START, INSERT_LOOKING_UP_ROUND_START, samples,
                MultiplierSample::roundId, (parameters, sample) -> fill(parameters, sample, writtenBy));
    }

    /** Every parameter but the round's start. */
    private static Parameters fill(Parameters parameters, MultiplierSample sample, RowAuthors writtenBy)
            throws SQLException {
        return parameters
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
                .uuid(writtenBy.ofRound(sample.roundId()));
    }

    static MultiplierSample map(ResultSet rs, int row) throws SQLException {
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
}
