package com.crashanalytics.persistence.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.analytics.performance.DirtyRollups;
import com.crashanalytics.persistence.common.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dirty rows of the ordered rollups (changelog 0070 per bot, 0420 per strategy) and the functions that recount
 * them from their rounds, one row per call. The look-up reads the tables' partial indexes on their dirty rows.
 */
public class JdbcDirtyRollups implements DirtyRollups {

    private static final String SETTLED = """
            SELECT rollup, subject, hour, session_id FROM (
                (SELECT 'BOT_EQUITY_HOUR' AS rollup, bot_id AS subject, hour, CAST(NULL AS text) AS session_id,
                        hour + interval '1 hour' AS settled_at
                 FROM equity_segments_hourly WHERE dirty AND hour + interval '1 hour' <= :before
                 ORDER BY hour LIMIT :limit)
                UNION ALL
                (SELECT 'BOT_SESSION_RUNS', bot_id, NULL, session_id, last_at
                 FROM round_streaks WHERE dirty AND last_at < :before
                 ORDER BY last_at LIMIT :limit)
                UNION ALL
                (SELECT 'STRATEGY_EQUITY_HOUR', strategy_name, hour, NULL, hour + interval '1 hour'
                 FROM strategy_equity_segments_hourly WHERE dirty AND hour + interval '1 hour' <= :before
                 ORDER BY hour LIMIT :limit)
                UNION ALL
                (SELECT 'STRATEGY_SESSION_RUNS', strategy_name, NULL, session_id, last_at
                 FROM strategy_streaks WHERE dirty AND last_at < :before
                 ORDER BY last_at LIMIT :limit)
            ) AS dirty
            ORDER BY settled_at, rollup, subject
            LIMIT :limit
            """;

    /** Each rollup's recount (changelogs 0070 and 0420): it takes arrays of subjects and of hours or sessions. */
    private static final Map<Rollup, String> RECOUNT = Map.of(
            Rollup.BOT_EQUITY_HOUR,
            "SELECT recount_equity_segments(ARRAY[CAST(:subject AS text)], ARRAY[CAST(:hour AS timestamptz)])",
            Rollup.BOT_SESSION_RUNS,
            "SELECT recount_round_streaks(ARRAY[CAST(:subject AS text)], ARRAY[CAST(:session AS text)])",
            Rollup.STRATEGY_EQUITY_HOUR,
            "SELECT recount_strategy_equity_segments(ARRAY[CAST(:subject AS text)], ARRAY[CAST(:hour AS timestamptz)])",
            Rollup.STRATEGY_SESSION_RUNS,
            "SELECT recount_strategy_streaks(ARRAY[CAST(:subject AS text)], ARRAY[CAST(:session AS text)])");

    private final JdbcClient jdbc;

    public JdbcDirtyRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DirtyRollup> settledBefore(Instant settledBefore, int limit) {
        return jdbc.sql(SETTLED)
                .param("before", SqlValues.timestamptz(settledBefore))
                .param("limit", limit)
                .query((rs, row) -> new DirtyRollup(Rollup.valueOf(rs.getString("rollup")), rs.getString("subject"),
                        SqlValues.instant(rs, "hour"), rs.getString("session_id")))
                .list();
    }

    @Override
    public void recount(DirtyRollup rollup) {
        jdbc.sql(RECOUNT.get(rollup.rollup()))
                .param("subject", rollup.subject())
                .param("hour", SqlValues.timestamptz(rollup.hour()))
                .param("session", rollup.sessionId())
                .query().listOfRows();
    }
}
