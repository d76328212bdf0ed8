package com.crashanalytics.persistence.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.crashanalytics.domain.lifecycle.RoundExportColumns;
import com.crashanalytics.domain.lifecycle.RoundExportQuery;
import com.crashanalytics.domain.lifecycle.RoundExports;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlConditions;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Rounds streamed from a server-side cursor: inside the caller's transaction (autocommit off) pgjdbc fetches
 * {@link #FETCH_SIZE} rows at a time instead of the whole result, and each row goes to the consumer as it is read.
 * PostgreSQL formats every value (numbers exactly as stored, times as ISO-8601 in UTC, the samples and signals as
 * JSON arrays), so the gateway only copies text. Rows come in {@code (round_start_timestamp, id)} order, which
 * {@code ix_rounds_time} (or a filter's own time index) yields without sorting, so the first rows leave before the
 * last are read.
 */
public class JdbcRoundExports implements RoundExports {

    static final int FETCH_SIZE = 1_000;

    /** Each export column's SQL over {@code r} (the round) and {@code o} (its outcome), in the documented order. */
    private static final Map<String, String> COLUMNS = columns();

    /** The export columns as a select list. */
    private static final String TYPED_COLUMNS = COLUMNS.entrySet().stream()
            .map(column -> SqlTemplate.sql("{sql} AS {name}").with("sql", column.getValue())
                    .with("name", column.getKey()).text())
            .collect(Collectors.joining(",\n       "));

    /** The rounds the query selects, every column typed as stored, in the export's order. */
    private static final String TYPED_ROWS = """
            SELECT {select}
            FROM crash_game_rounds r
            LEFT JOIN analytics_round_outcomes o ON o.round_id = r.id
            WHERE {where}
            ORDER BY r.round_start_timestamp, r.id""";

    /** Each column as JSON text, unquoted for scalars ({@code to_json(v) #>> '{}'}): the text the NDJSON export holds. */
    private static final String CELLS = COLUMNS.keySet().stream()
            .map(name -> SqlTemplate.sql("to_json(x.{name}) #>> '{}'").with("name", name).text())
            .collect(Collectors.joining(", "));

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("round_id", "r.id");
        for (String column : List.of("bot_id", "session_id", "game_name", "platform_code", "round_number",
                "round_external_id", "round_start_timestamp", "round_end_timestamp", "duration_seconds",
                "strategy_name", "strategy_step", "stake_value", "target_multiplier", "crash_multiplier_detected",
                "cashout_multiplier", "final_multiplier", "multiplier_source", "cashout_amount", "profit_loss_amount",
                "running_balance_before", "running_balance_after", "roi_percent", "round_outcome")) {
            columns.put(column, "r." + column);
        }
        for (String column : List.of("outcome_category", "hit_target", "multiplier_error", "win_streak_length",
                "loss_streak_length")) {
            columns.put(column, "o." + column);
        }
        for (String column : List.of("multiplier_detection_confidence", "cashout_detection_confidence", "ocr_raw_text",
                "ocr_cleaned_value", "error_type")) {
            columns.put(column, "r." + column);
        }
        columns.put("data_quality_flags", "to_json(r.data_quality_flags)");
        columns.put("metadata", "r.metadata");
        columns.put("multipliers", """
                coalesce((SELECT json_agg(json_build_object('sample_index', m.sample_index, 'multiplier', m.multiplier,
                                  'timestamp', m."timestamp", 'elapsed_ms', m.elapsed_ms,
                                  'is_crash_multiplier', m.is_crash_multiplier, 'is_cashout_multiplier', m.is_cashout_multiplier,
                                  'ocr_confidence', m.ocr_confidence, 'data_quality_score', m.data_quality_score)
                                  ORDER BY m.sample_index)
                          FROM analytics_round_multipliers m WHERE m.round_id = r.id), '[]'::json)""");
        columns.put("signals", """
                coalesce((SELECT json_agg(json_build_object('signal_type', s.signal_type,
                                  'client_signal_id', nullif(s.client_signal_id, ''), 'timestamp', s."timestamp",
                                  'confidence_score', s.confidence_score, 'predicted_multiplier', s.predicted_multiplier,
                                  'time_to_crash_predicted_ms', s.time_to_crash_predicted_ms,
                                  'pattern_match_type', s.pattern_match_type, 'feature_vector', s.feature_vector,
                                  'signal_correctness', s.signal_correctness, 'actual_multiplier', s.actual_multiplier,
                                  'prediction_error', s.prediction_error)
                                  ORDER BY s."timestamp", s.id)
                          FROM analytics_round_signals s WHERE s.round_id = r.id), '[]'::json)""");
        if (!List.copyOf(columns.keySet()).equals(RoundExportColumns.NAMES)) {
            throw new IllegalStateException("the export's SQL columns differ from RoundExportColumns.NAMES");
        }
        return columns;
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;

    public JdbcRoundExports(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(fetching);
    }

    @Override
    public long streamCells(RoundExportQuery query, Consumer<@Nullable String[]> row) {
        int width = COLUMNS.size();
        return stream(SqlTemplate.sql("SELECT {cells} FROM ({rows}) AS x").with("cells", CELLS), query, rs -> {
            String[] values = new String[width];
            for (int i = 0; i < width; i++) {
                values[i] = rs.getString(i + 1);
            }
            row.accept(values);
        });
    }

    @Override
    public long streamJsonLines(RoundExportQuery query, Consumer<String> line) {
        return stream(SqlTemplate.sql("SELECT row_to_json(x)::text FROM ({rows}) AS x"), query,
                rs -> line.accept(rs.getString(1)));
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Streams the rows of {@code select} over the query's typed rows, filled in as {@code {rows}}. */
    private long stream(SqlTemplate select, RoundExportQuery query, RowReader reader) {
        SqlConditions where = where(query);
        String sql = select.with("rows", SqlTemplate.sql(TYPED_ROWS).with("select", TYPED_COLUMNS)
                .with("where", where.sql()).text()).text();
        // JSON times in UTC whatever the server's zone; LOCAL ends with the export's transaction.
        jdbc.execute("SET LOCAL TimeZone = 'UTC'");
        long[] rows = {0};
        cursor.query(sql, where.parameters(), (RowCallbackHandler) rs -> {
            reader.read(rs);
            rows[0]++;
        });
        return rows[0];
    }

    /** The query's filters as conditions on the rounds, each with its parameter. */
    private static SqlConditions where(RoundExportQuery query) {
        SqlConditions where = new SqlConditions()
                .equal("r.bot_id", "botId", query.botId())
                .equal("r.session_id", "sessionId", query.sessionId())
                .equal("r.game_name", "gameName", query.gameName())
                .equal("r.platform_code", "platformCode", query.platformCode())
                .equal("r.strategy_name", "strategy", query.strategy());
        if (query.tradeTypes().only() != null) {
            where.condition("r.bot_id IN (SELECT t.bot_id FROM bot_vm_registration t WHERE t.trade_type = :tradeType)",
                    Map.of("tradeType", query.tradeTypes().only().name()));
        }
        return where.notBefore("r.round_start_timestamp", "from", query.window().from())
                .before("r.round_start_timestamp", "to", query.window().to());
    }
}
