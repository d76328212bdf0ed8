package com.crashanalytics.persistence.analytics;

import static com.crashanalytics.persistence.common.SqlValues.normalize;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.multipliers.BigMultiplierHit;
import com.crashanalytics.domain.analytics.multipliers.GapTally;
import com.crashanalytics.domain.analytics.multipliers.MultiplierReadModel;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crash multipliers from the game-round rollups that triggers keep in step with {@code crash_game_rounds}
 * (changelog 0031): {@code game_round_crashes} (one row per game round, observations deduplicated) and
 * {@code game_round_crash_counts} (game rounds per UTC day and crash multiplier).
 * <p>
 * A window is exact: the whole UTC days inside it are read from the day counts, the partial days at its edges from
 * {@code game_round_crashes}, in one statement (one snapshot).
 */
public class JdbcMultiplierReadModel implements MultiplierReadModel {

    private static final String GAME_ROUNDS = "game_round_crashes WHERE game_name = :game AND platform_code = :platform";

    /** The crash counts of a window: {@code parts} are the SELECTs of its whole days and of its edges. */
    private static final String CRASH_COUNTS = """
            SELECT crash_multiplier, sum(rounds) AS rounds FROM ({parts}) AS counted GROUP BY crash_multiplier""";

    private final JdbcClient jdbc;

    public JdbcMultiplierReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<BigDecimal> houseEdgePercent(String game, String platform) {
        return jdbc.sql("SELECT house_edge_percent FROM game_platform_config WHERE game_name = :game AND platform_code = :platform")
                .param("game", game)
                .param("platform", platform)
                .query(BigDecimal.class)
                .optional()
                .map(SqlValues::normalize);
    }

    @Override
    public SortedMap<BigDecimal, Long> crashCounts(String game, String platform, TimeWindow window) {
        SqlConditions where = new SqlConditions().equal("game_name", "game", game)
                .equal("platform_code", "platform", platform);
        List<String> parts = where.wholeDaysAndEdges(window,
                days -> SqlTemplate.sql("SELECT crash_multiplier, rounds FROM game_round_crash_counts WHERE {where}")
                        .with("where", days).text(),
                rounds -> SqlTemplate.sql("SELECT crash_multiplier, 1 AS rounds FROM game_round_crashes WHERE {where}")
                        .with("where", rounds).text());
        String sql = SqlTemplate.sql(CRASH_COUNTS).with("parts", String.join(" UNION ALL ", parts)).text();
        SortedMap<BigDecimal, Long> counts = new TreeMap<>();
        where.bind(jdbc.sql(sql)).query((RowCallbackHandler) rs ->
                counts.put(normalize(rs.getBigDecimal("crash_multiplier")), rs.getLong("rounds")));
        return counts;
    }

    @Override
    public GapTally gaps(String game, String platform, BigDecimal threshold, TimeWindow window) {
        SqlConditions where = new SqlConditions()
                .parameter("game", game).parameter("platform", platform).parameter("threshold", threshold)
                .window("round_start_timestamp", "window", window);
        String sql = SqlTemplate.sql("""
                WITH positions AS (
                    SELECT crash_multiplier >= :threshold AS hit,
                           row_number() OVER (ORDER BY round_start_timestamp, round_id) - 1 AS position
                    FROM {gameRounds} AND {where}
                ),
                hits AS (
                    SELECT position, position - lag(position) OVER (ORDER BY position) AS gap
                    FROM positions WHERE hit
                )
                SELECT NULL::bigint AS gap, (SELECT count(*) FROM positions) AS rounds, count(*) AS hits,
                       min(position) AS first_hit, max(position) AS last_hit
                FROM hits
                UNION ALL
                SELECT gap, count(*), NULL, NULL, NULL FROM hits WHERE gap IS NOT NULL GROUP BY gap
                """).with("gameRounds", GAME_ROUNDS).with("where", where.sql()).text();
        long[] summary = new long[2];
        Long[] hitPositions = new Long[2];
        SortedMap<Long, Long> gaps = new TreeMap<>();
        where.bind(jdbc.sql(sql)).query((RowCallbackHandler) rs -> {
            long gap = rs.getLong("gap");
            if (rs.wasNull()) {
                summary[0] = rs.getLong("rounds");
                summary[1] = rs.getLong("hits");
                hitPositions[0] = rs.getObject("first_hit", Long.class);
                hitPositions[1] = rs.getObject("last_hit", Long.class);
            } else {
                gaps.put(gap, rs.getLong("rounds"));
            }
        });
        return new GapTally(summary[0], summary[1], hitPositions[0], hitPositions[1], gaps);
    }

    @Override
    public List<BigMultiplierHit> recentHits(String game, String platform, BigDecimal threshold, TimeWindow window,
                                             int count) {
        SqlConditions where = new SqlConditions()
                .parameter("game", game).parameter("platform", platform).parameter("threshold", threshold)
                .parameter("count", count).parameter("fetch", count + 1)
                .window("round_start_timestamp", "window", window);
        // One hit more than asked for, so the oldest one listed has its previous hit for its gap. The hits come from
        // a backward scan of the game's time index; each gap counts the game rounds between two hits on it.
        String sql = SqlTemplate.sql("""
                WITH hits AS (
                    SELECT round_id, round_external_id, round_start_timestamp, crash_multiplier, observations
                    FROM {gameRounds} AND {where} AND crash_multiplier >= :threshold
                    ORDER BY round_start_timestamp DESC, round_id DESC
                    LIMIT :fetch
                ),
                paired AS (
                    SELECT h.*, lead(round_start_timestamp) OVER newest_first AS previous_start,
                           lead(round_id) OVER newest_first AS previous_id
                    FROM hits h
                    WINDOW newest_first AS (ORDER BY round_start_timestamp DESC, round_id DESC)
                )
                SELECT p.*, CASE WHEN p.previous_id IS NOT NULL THEN (
                           SELECT count(*) FROM game_round_crashes c
                           WHERE c.game_name = :game AND c.platform_code = :platform
                             AND (c.round_start_timestamp, c.round_id) > (p.previous_start, p.previous_id)
                             AND (c.round_start_timestamp, c.round_id) <= (p.round_start_timestamp, p.round_id))
                       END AS gap_before
                FROM paired p
                ORDER BY p.round_start_timestamp DESC, p.round_id DESC
                LIMIT :count
                """).with("gameRounds", GAME_ROUNDS).with("where", where.sql()).text();
        return where.bind(jdbc.sql(sql)).query((rs, row) -> new BigMultiplierHit(rs.getObject("round_id", UUID.class),
                rs.getString("round_external_id"), SqlValues.instant(rs, "round_start_timestamp"),
                SqlValues.decimal(rs, "crash_multiplier"), rs.getInt("observations"),
                rs.getObject("gap_before", Long.class))).list();
    }

}
