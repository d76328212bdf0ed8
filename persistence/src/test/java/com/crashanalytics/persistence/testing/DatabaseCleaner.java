package com.crashanalytics.persistence.testing;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties every table between tests, so each test starts from the state of a fresh install: the changelog's
 * reference data (the built-in games) stays, everything written since goes. New tables are found, not listed.
 * The live journal stays: the running gateway's feed keeps its place in it across tests, as a production journal
 * never numbers an event twice (tests tell their events apart by their own bots and sessions).
 */
public final class DatabaseCleaner {

    private DatabaseCleaner() {
    }

    public static void clean(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> tables = jdbc.queryForList("""
                SELECT quote_ident(tablename) FROM pg_tables
                WHERE schemaname = current_schema()
                  AND tablename NOT IN ('databasechangelog', 'databasechangeloglock', 'crash_games',
                                        'live_events', 'live_feed_state')
                """, String.class);
        if (!tables.isEmpty()) {
            jdbc.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
        }
        jdbc.update("DELETE FROM crash_games WHERE NOT builtin");
    }
}
