package com.crashanalytics.persistence.live;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.crashanalytics.domain.round.CrashSightings;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * First reports from {@code game_round_crashes}, the rollup the round triggers keep with one row per game round and
 * the number of rounds that observed it. Its trigger holds a per-game advisory lock until commit, so of two bots
 * logging one game round at once the second sees the first's row (observations 2) and is not first. The run below
 * the streak multiplier is counted over the same rollup, in round start order, back to the last round at or above
 * it (an index range scan: about ten rows at a 97% RTP).
 */
public class JdbcCrashSightings implements CrashSightings {

    /**
     * The many rounds of a batch as an array. One round (a bot logging alone) by plain parameter: PostgreSQL plans the
     * array form afresh on every execution (its generic plan assumes ten ids and looks dearer), 0.22 ms a round, the
     * plain form once per connection.
     */
    private static final String FIRST_REPORTS_OF_MANY = firstReports("c.round_id = ANY(:ids)");
    private static final String FIRST_REPORTS_OF_ONE = firstReports("c.round_id = :id");

    private final JdbcClient jdbc;

    public JdbcCrashSightings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Parameters: the rounds' ids (named in {@code rounds}), the streak multiplier. */
    private static String firstReports(String rounds) {
        return SqlTemplate.sql("""
                SELECT c.round_id,
                       (SELECT count(*) FROM game_round_crashes g
                        WHERE g.game_name = c.game_name AND g.platform_code = c.platform_code
                          AND g.round_start_timestamp <= c.round_start_timestamp
                          AND g.round_start_timestamp > coalesce(
                              (SELECT max(t.round_start_timestamp) FROM game_round_crashes t
                               WHERE t.game_name = c.game_name AND t.platform_code = c.platform_code
                                 AND t.round_start_timestamp <= c.round_start_timestamp AND t.crash_multiplier >= :streak),
                              '-infinity')) AS run
                FROM game_round_crashes c
                WHERE {rounds} AND c.observations = 1
                """).with("rounds", rounds).text();
    }

    @Override
    public List<FirstReport> firstReportsAmong(Collection<UUID> roundIds) {
        StatementSpec statement = roundIds.size() == 1
                ? jdbc.sql(FIRST_REPORTS_OF_ONE).param("id", roundIds.iterator().next())
                : jdbc.sql(FIRST_REPORTS_OF_MANY).param("ids", roundIds.toArray(UUID[]::new));
        return statement.param("streak", STREAK_MULTIPLIER)
                .query((rs, row) -> new FirstReport(rs.getObject("round_id", UUID.class), rs.getInt("run")))
                .list();
    }
}
