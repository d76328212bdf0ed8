package com.crashanalytics.persistence.analytics;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.crashanalytics.domain.analytics.performance.DirtyRollups;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dirty rows of the {@link OrderedRollups} and the functions that recount them from their rounds, one row per
 * call. The look-up reads the tables' partial indexes on their dirty rows, the oldest of each table first.
 */
public class JdbcDirtyRollups implements DirtyRollups {

    private static final String SETTLED_HOURS = """
            (SELECT CAST('{rollup}' AS text) AS rollup, {subject} AS subject, hour, CAST(NULL AS text) AS session_id,
                    hour + interval '1 hour' AS settled_at
             FROM {hours} WHERE dirty AND hour + interval '1 hour' <= :before
             ORDER BY hour LIMIT :limit)""";

    private static final String SETTLED_SESSIONS = """
            (SELECT CAST('{rollup}' AS text) AS rollup, {subject} AS subject, CAST(NULL AS timestamptz) AS hour,
                    session_id, last_at AS settled_at
             FROM {sessions} WHERE dirty AND last_at < :before
             ORDER BY last_at LIMIT :limit)""";

    /** The oldest settled dirty rows of every rollup table, oldest first. */
    private static final String SETTLED = """
            SELECT rollup, subject, hour, session_id FROM ({arms}) AS dirty
            ORDER BY settled_at, rollup, subject
            LIMIT :limit
            """;

    private static final String RECOUNT_HOUR =
            "SELECT {recount}(ARRAY[CAST(:subject AS text)], ARRAY[CAST(:hour AS timestamptz)])";
    private static final String RECOUNT_SESSION =
            "SELECT {recount}(ARRAY[CAST(:subject AS text)], ARRAY[CAST(:session AS text)])";

    private static final String SETTLED_SQL = SqlTemplate.sql(SETTLED).with("arms", Stream.of(Rollup.values())
            .map(JdbcDirtyRollups::settledOf).collect(Collectors.joining("\nUNION ALL\n"))).text();

    private final JdbcClient jdbc;

    public JdbcDirtyRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DirtyRollup> settledBefore(Instant settledBefore, int limit) {
        return jdbc.sql(SETTLED_SQL)
                .param("before", SqlValues.timestamptz(settledBefore))
                .param("limit", limit)
                .query((rs, row) -> new DirtyRollup(Rollup.valueOf(rs.getString("rollup")), rs.getString("subject"),
                        SqlValues.instant(rs, "hour"), rs.getString("session_id")))
                .list();
    }

    @Override
    public void recount(DirtyRollup rollup) {
        OrderedRollups tables = tablesOf(rollup.rollup());
        String sql = byHour(rollup.rollup())
                ? SqlTemplate.sql(RECOUNT_HOUR).with("recount", tables.recountHours()).text()
                : SqlTemplate.sql(RECOUNT_SESSION).with("recount", tables.recountSessions()).text();
        jdbc.sql(sql)
                .param("subject", rollup.subject())
                .param("hour", SqlValues.timestamptz(rollup.hour()))
                .param("session", rollup.sessionId())
                .query().listOfRows();
    }

    /** The look-up's arm for one rollup: its table's oldest settled dirty rows. */
    private static String settledOf(Rollup rollup) {
        OrderedRollups tables = tablesOf(rollup);
        return byHour(rollup)
                ? SqlTemplate.sql(SETTLED_HOURS).with("rollup", rollup.name()).with("subject", tables.subject())
                        .with("hours", tables.hours()).text()
                : SqlTemplate.sql(SETTLED_SESSIONS).with("rollup", rollup.name()).with("subject", tables.subject())
                        .with("sessions", tables.sessions()).text();
    }

    private static OrderedRollups tablesOf(Rollup rollup) {
        return switch (rollup) {
            case BOT_EQUITY_HOUR, BOT_SESSION_RUNS -> OrderedRollups.BOTS;
            case STRATEGY_EQUITY_HOUR, STRATEGY_SESSION_RUNS -> OrderedRollups.STRATEGIES;
        };
    }

    private static boolean byHour(Rollup rollup) {
        return rollup == Rollup.BOT_EQUITY_HOUR || rollup == Rollup.STRATEGY_EQUITY_HOUR;
    }
}
