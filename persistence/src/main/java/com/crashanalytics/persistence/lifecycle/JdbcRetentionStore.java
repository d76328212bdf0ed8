package com.crashanalytics.persistence.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crashanalytics.domain.lifecycle.RetainedData;
import com.crashanalytics.domain.lifecycle.RetentionStore;
import com.crashanalytics.persistence.analytics.OrderedRollups;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention in SQL, for what is left once whole months went as partitions ({@link JdbcRoundPartitions}): the month
 * the cutoff falls in and the default partition. A batch of rounds is one statement: the oldest rounds before the
 * cutoff (by {@code ix_rounds_time}) and, through data-modifying CTEs, their outcomes, samples and signals, counted per
 * table; errors and OCR reads that named a deleted round keep their bot and session and lose the link
 * ({@code ON DELETE SET NULL} from {@code crash_game_round_keys}, which follows the rounds). The transaction sets
 * {@code crash_analytics.retiring_rounds}, so the rollups' delete triggers stand aside (changelog 0200) and the
 * all-time figures they hold stay as they are.
 */
public class JdbcRetentionStore implements RetentionStore {

    /**
     * The analytics are matched to their rounds by id and round start, which are their partitions' key too
     * (changelog 0300), so each count and delete reads only the partitions before the cutoff.
     */
    private static final String COUNT_ROUNDS = """
            SELECT (SELECT count(*) FROM crash_game_rounds WHERE round_start_timestamp < :cutoff) AS crash_game_rounds,
                   (SELECT count(*) FROM analytics_round_outcomes c
                    WHERE c."timestamp" < :cutoff) AS analytics_round_outcomes,
                   (SELECT count(*) FROM analytics_round_multipliers c
                    WHERE c.round_start_timestamp < :cutoff) AS analytics_round_multipliers,
                   (SELECT count(*) FROM analytics_round_signals c
                    WHERE c.round_start_timestamp < :cutoff) AS analytics_round_signals
            """;

    private static final String DELETE_ROUNDS = """
            WITH doomed AS MATERIALIZED (
                SELECT id, round_start_timestamp FROM crash_game_rounds WHERE round_start_timestamp < :cutoff
                ORDER BY round_start_timestamp, id LIMIT :limit
            ),
            outcomes AS (DELETE FROM analytics_round_outcomes WHERE "timestamp" < :cutoff
                         AND (round_id, "timestamp") IN (SELECT id, round_start_timestamp FROM doomed) RETURNING 1),
            multipliers AS (DELETE FROM analytics_round_multipliers WHERE round_start_timestamp < :cutoff
                            AND (round_id, round_start_timestamp) IN (SELECT id, round_start_timestamp FROM doomed)
                            RETURNING 1),
            signals AS (DELETE FROM analytics_round_signals WHERE round_start_timestamp < :cutoff
                        AND (round_id, round_start_timestamp) IN (SELECT id, round_start_timestamp FROM doomed)
                        RETURNING 1),
            rounds AS (DELETE FROM crash_game_rounds WHERE round_start_timestamp < :cutoff
                       AND (id, round_start_timestamp) IN (SELECT id, round_start_timestamp FROM doomed) RETURNING 1)
            SELECT (SELECT count(*) FROM rounds) AS crash_game_rounds,
                   (SELECT count(*) FROM outcomes) AS analytics_round_outcomes,
                   (SELECT count(*) FROM multipliers) AS analytics_round_multipliers,
                   (SELECT count(*) FROM signals) AS analytics_round_signals
            """;

    /** Errors or OCR reads: the table's name is one of two constants, never input. */
    private static final String DELETE_BY_TIME = """
            WITH doomed AS MATERIALIZED (
                SELECT id FROM {table} WHERE "timestamp" < :cutoff ORDER BY "timestamp", id LIMIT :limit
            ),
            gone AS (DELETE FROM {table} WHERE id IN (SELECT id FROM doomed) RETURNING 1)
            SELECT count(*) FROM gone
            """;

    /** Recounts a rollup's dirty hours before the cutoff, per {@code {subject}} (a bot or a strategy). */
    private static final String RECOUNT_DIRTY_HOURS = """
            SELECT {recount}(array_agg({subject}), array_agg(hour))
            FROM {hours} WHERE dirty AND hour < :cutoff
            HAVING count(*) > 0
            """;

    /** Recounts a rollup's dirty sessions with rounds before the cutoff, per {@code {subject}}. */
    private static final String RECOUNT_DIRTY_SESSIONS = """
            SELECT {recount}(array_agg(s.{subject}), array_agg(s.session_id))
            FROM {sessions} s
            WHERE s.dirty AND EXISTS (SELECT 1 FROM crash_game_rounds r WHERE r.{subject} = s.{subject}
                                      AND r.session_id = s.session_id AND r.round_start_timestamp < :cutoff)
            HAVING count(*) > 0
            """;

    private final JdbcClient jdbc;

    public JdbcRetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> countOlderThan(RetainedData kind, Instant cutoff) {
        if (kind == RetainedData.ROUNDS) {
            return perTable(kind, jdbc.sql(COUNT_ROUNDS).param("cutoff", SqlValues.timestamptz(cutoff)));
        }
        String table = kind.tables().get(0);
        long rows = jdbc.sql(SqlTemplate.sql("SELECT count(*) FROM {table} WHERE \"timestamp\" < :cutoff")
                        .with("table", table).text())
                .param("cutoff", SqlValues.timestamptz(cutoff)).query(Long.class).single();
        return Map.of(table, rows);
    }

    /**
     * Hours and sessions a late round left dirty are recounted from their rounds while those still exist: a reader
     * folds a dirty hour's rounds itself, which after the delete would find none.
     */
    @Override
    public void settleRollupsBefore(Instant cutoff) {
        for (OrderedRollups rollups : OrderedRollups.values()) {
            settle(SqlTemplate.sql(RECOUNT_DIRTY_HOURS).with("subject", rollups.subject())
                    .with("recount", rollups.recountHours()).with("hours", rollups.hours()).text(), cutoff);
            settle(SqlTemplate.sql(RECOUNT_DIRTY_SESSIONS).with("subject", rollups.subject())
                    .with("recount", rollups.recountSessions()).with("sessions", rollups.sessions()).text(), cutoff);
        }
    }

    private void settle(String recount, Instant cutoff) {
        jdbc.sql(recount).param("cutoff", SqlValues.timestamptz(cutoff)).query().listOfRows();
    }

    @Override
    public Map<String, Long> deleteBatchOlderThan(RetainedData kind, Instant cutoff, int limit) {
        if (kind == RetainedData.ROUNDS) {
            jdbc.sql("SET LOCAL crash_analytics.retiring_rounds = 'on'").update();
            return perTable(kind, jdbc.sql(DELETE_ROUNDS).param("cutoff", SqlValues.timestamptz(cutoff))
                    .param("limit", limit));
        }
        String table = kind.tables().get(0);
        long rows = jdbc.sql(SqlTemplate.sql(DELETE_BY_TIME).with("table", table).text()).param("cutoff", SqlValues.timestamptz(cutoff))
                .param("limit", limit).query(Long.class).single();
        return Map.of(table, rows);
    }

    private static Map<String, Long> perTable(RetainedData kind, JdbcClient.StatementSpec statement) {
        return statement.query(rs -> {
            rs.next();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : kind.tables()) {
                rows.put(table, rs.getLong(table));
            }
            return rows;
        });
    }
}
