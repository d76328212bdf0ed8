package com.crashanalytics.persistence.live;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.crashanalytics.domain.round.CrashSightings;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * First reports from {@code game_round_crashes}, the rollup the round triggers keep with one row per game round and
 * the number of rounds that observed it. Its trigger holds a per-game advisory lock until commit, so of two bots
 * logging one game round at once the second sees the first's row (observations 2) and is not first. The run below
 * the streak multiplier is counted over the same rollup, in round start order, back to the last round at or above
 * it (an index range scan: about ten rows at a 97% RTP).
 */
public class JdbcCrashSightings implements CrashSightings {

    private static final String FIRST_REPORTS = """
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
            WHERE c.round_id = ANY(:ids) AND c.observations = 1
            """;

    private final JdbcClient jdbc;

    public JdbcCrashSightings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FirstReport> firstReportsAmong(Collection<UUID> roundIds) {
        return jdbc.sql(FIRST_REPORTS).param("ids", roundIds.toArray(UUID[]::new)).param("streak", STREAK_MULTIPLIER)
                .query((rs, row) -> new FirstReport(rs.getObject("round_id", UUID.class), rs.getInt("run")))
                .list();
    }
}
