package com.crashanalytics.persistence.diagnostics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.diagnostics.DiagnosticsReadModel;
import com.crashanalytics.domain.diagnostics.ErrorFilter;
import com.crashanalytics.domain.diagnostics.ErrorLog;
import com.crashanalytics.domain.diagnostics.OcrValidation;
import com.crashanalytics.domain.diagnostics.RoundReference;
import com.crashanalytics.persistence.common.KeysetSql;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Errors and OCR reads for dashboards: pages of {@code error_logs} by time, and everything reported about many
 * rounds at once, found by (session, round number) so reports made before their round was logged count too.
 */
public class JdbcDiagnosticsReadModel implements DiagnosticsReadModel {

    private static final KeysetSql<ErrorLog> BY_TIME_SQL = new KeysetSql<>(JdbcDiagnosticsLog.ERROR_READ_COLUMNS,
            "error_logs e", "", BY_TIME, List.of("e.\"timestamp\"", "e.id"), JdbcDiagnosticsLog::mapError);

    /**
     * Rows naming one of the rounds given as parallel arrays of session ids and round numbers. The first condition
     * lets PostgreSQL probe the session index for the few sessions involved instead of hashing the whole table.
     */
    private static final String BY_ROUND = """
            SELECT {columns} FROM {table}
            WHERE session_id = ANY(CAST(:sessionSet AS text[]))
            AND (session_id, round_number) IN (
                SELECT * FROM unnest(CAST(:sessions AS text[]), CAST(:numbers AS int[])))
            ORDER BY "timestamp", id
            """;

    private final JdbcClient jdbc;

    public JdbcDiagnosticsReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<ErrorLog> errors(ListQuery<ErrorFilter> query) {
        return BY_TIME_SQL.page(jdbc, where(query.filter()), query.page());
    }

    @Override
    public Map<String, Page<ErrorLog>> errorsOfBots(Collection<String> botIds, ListQuery<ErrorFilter> query) {
        return BY_TIME_SQL.pagesOf(jdbc, "e.bot_id", botIds, ErrorLog::botId, where(query.filter()), query.page());
    }

    @Override
    public Map<String, Page<ErrorLog>> errorsOfSessions(Collection<String> sessionIds, ListQuery<ErrorFilter> query) {
        return BY_TIME_SQL.pagesOf(jdbc, "e.session_id", sessionIds, ErrorLog::sessionId, where(query.filter()),
                query.page());
    }

    @Override
    public long count(ErrorFilter filter) {
        return BY_TIME_SQL.count(jdbc, where(filter));
    }

    @Override
    public Map<String, Long> countErrorsOfBots(Collection<String> botIds, ErrorFilter filter) {
        return BY_TIME_SQL.countsOf(jdbc, "e.bot_id", botIds, where(filter));
    }

    @Override
    public Map<String, Long> countErrorsOfSessions(Collection<String> sessionIds, ErrorFilter filter) {
        return BY_TIME_SQL.countsOf(jdbc, "e.session_id", sessionIds, where(filter));
    }

    @Override
    public Map<RoundReference, List<ErrorLog>> errorsOfRounds(Collection<RoundReference> rounds) {
        return byRound(rounds, JdbcDiagnosticsLog.ERROR_READ_COLUMNS, "error_logs",
                JdbcDiagnosticsLog::mapError, error -> new RoundReference(error.sessionId(), error.roundNumber()));
    }

    @Override
    public Map<RoundReference, List<OcrValidation>> ocrValidationsOf(Collection<RoundReference> rounds) {
        return byRound(rounds, OcrValidationRows.COLUMNS, "ocr_validation_logs",
                OcrValidationRows::map, read -> new RoundReference(read.sessionId(), read.roundNumber()));
    }

    private <T> Map<RoundReference, List<T>> byRound(Collection<RoundReference> rounds, String columns, String table,
                                                     RowMapper<T> mapper, Function<T, RoundReference> roundOf) {
        Map<RoundReference, List<T>> found = new LinkedHashMap<>();
        rounds.forEach(round -> found.put(round, new ArrayList<>()));
        if (!rounds.isEmpty()) {
            jdbc.sql(SqlTemplate.sql(BY_ROUND).with("columns", columns).with("table", table).text())
                    .param("sessionSet", rounds.stream().map(RoundReference::sessionId).distinct().toArray(String[]::new))
                    .param("sessions", rounds.stream().map(RoundReference::sessionId).toArray(String[]::new))
                    .param("numbers", rounds.stream().map(RoundReference::roundNumber).toArray(Integer[]::new))
                    .query(mapper)
                    .list()
                    .forEach(row -> found.get(roundOf.apply(row)).add(row));
        }
        return found;
    }

    private static SqlConditions where(ErrorFilter filter) {
        return new SqlConditions()
                .equal("e.bot_id", "botId", filter.botId())
                .anyOf("e.bot_id", "botIds", filter.botIds())
                .equal("e.session_id", "sessionId", filter.sessionId())
                .equal("e.error_type", "errorType", filter.errorType())
                .equal("e.severity", "severity", filter.severity())
                .notBefore("e.\"timestamp\"", "from", filter.from())
                .before("e.\"timestamp\"", "to", filter.to());
    }
}
