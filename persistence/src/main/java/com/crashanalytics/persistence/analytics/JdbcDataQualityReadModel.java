package com.crashanalytics.persistence.analytics;

import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.quality.DataQualityReadModel;
import com.crashanalytics.domain.analytics.quality.ErrorTypeCount;
import com.crashanalytics.domain.analytics.quality.OcrQuality;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Error counts from {@code error_logs} and OCR quality from {@code ocr_validation_logs}, grouped in SQL. */
public class JdbcDataQualityReadModel implements DataQualityReadModel {

    private final JdbcClient jdbc;

    public JdbcDataQualityReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ErrorTypeCount> errorCounts(TimeWindow window) {
        SqlConditions where = new SqlConditions().window("\"timestamp\"", "window", window);
        return where.bind(jdbc.sql(SqlTemplate.sql("""
                        SELECT error_type, count(*) AS errors, count(*) FILTER (WHERE severity = 'CRITICAL') AS critical,
                               count(DISTINCT bot_id) AS bots, count(DISTINCT session_id) AS sessions,
                               min("timestamp") AS first_seen_at, max("timestamp") AS last_seen_at
                        FROM error_logs
                        WHERE {where}
                        GROUP BY error_type
                        ORDER BY errors DESC, error_type COLLATE "C"
                        """).with("where", where.sql()).text()))
                .query((rs, row) -> new ErrorTypeCount(rs.getString("error_type"), rs.getLong("errors"),
                        rs.getLong("critical"), rs.getLong("bots"), rs.getLong("sessions"),
                        instant(rs, "first_seen_at"), instant(rs, "last_seen_at")))
                .list();
    }

    @Override
    public List<OcrQuality> ocrQuality(TimeWindow window) {
        SqlConditions where = new SqlConditions().window("\"timestamp\"", "window", window);
        return where.bind(jdbc.sql(SqlTemplate.sql("""
                        SELECT bot_id, count(*) AS reads,
                               count(*) FILTER (WHERE validation_status = 'VALID') AS valid,
                               count(*) FILTER (WHERE validation_status = 'CORRECTED') AS corrected,
                               count(*) FILTER (WHERE validation_status = 'INVALID') AS invalid,
                               count(*) FILTER (WHERE validation_status = 'UNREADABLE') AS unreadable,
                               avg(confidence) AS mean_confidence
                        FROM ocr_validation_logs
                        WHERE {where}
                        GROUP BY bot_id
                        ORDER BY bot_id COLLATE "C"
                        """).with("where", where.sql()).text()))
                .query((rs, row) -> new OcrQuality(rs.getString("bot_id"), rs.getLong("reads"), rs.getLong("valid"),
                        rs.getLong("corrected"), rs.getLong("invalid"), rs.getLong("unreadable"),
                        rs.getObject("mean_confidence", Double.class)))
                .list();
    }
}
