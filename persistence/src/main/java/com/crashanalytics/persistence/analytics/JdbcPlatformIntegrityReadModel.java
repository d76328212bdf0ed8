package com.crashanalytics.persistence.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.integrity.DayTally;
import com.crashanalytics.domain.analytics.integrity.OcrAgreement;
import com.crashanalytics.domain.analytics.integrity.OcrDisagreement;
import com.crashanalytics.domain.analytics.integrity.OcrReading;
import com.crashanalytics.domain.analytics.integrity.PlatformIntegrityReadModel;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Platform integrity from the game-round rollups (changelogs 0031 and 0350): the day tallies from
 * {@code game_round_crash_counts} for the whole UTC days in the window and {@code game_round_crashes} for the partial
 * days at its edges; the OCR agreement from the lowest and highest readings {@code game_round_crashes} keeps per game
 * round (its partial index covers the game rounds watched more than once), and the readings of the few largest
 * disagreements from the rounds.
 */
public class JdbcPlatformIntegrityReadModel implements PlatformIntegrityReadModel {

    private static final String WATCHED = """
            FROM game_round_crashes
            WHERE game_name = :game AND platform_code = :platform AND observations > 1 AND {where}""";

    /** The day tallies of a window: {@code parts} are the SELECTs of its whole days and of its edges. */
    private static final String DAY_TALLIES = """
            SELECT day, sum(rounds) AS rounds, sum(hits) AS hits FROM ({parts}) AS tallied GROUP BY day ORDER BY day""";

    private final JdbcClient jdbc;

    public JdbcPlatformIntegrityReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DayTally> dayTallies(String game, String platform, BigDecimal target, TimeWindow window) {
        SqlConditions where = new SqlConditions().equal("game_name", "game", game)
                .equal("platform_code", "platform", platform).parameter("target", target);
        List<String> parts = where.wholeDaysAndEdges(window,
                days -> SqlTemplate.sql("""
                        SELECT day, rounds, CASE WHEN crash_multiplier >= :target THEN rounds ELSE 0 END AS hits
                        FROM game_round_crash_counts WHERE {where}""").with("where", days).text(),
                rounds -> SqlTemplate.sql("""
                        SELECT (round_start_timestamp AT TIME ZONE 'UTC')::date AS day, 1 AS rounds,
                               CASE WHEN crash_multiplier >= :target THEN 1 ELSE 0 END AS hits
                        FROM game_round_crashes WHERE {where}""").with("where", rounds).text());
        String sql = SqlTemplate.sql(DAY_TALLIES).with("parts", String.join(" UNION ALL ", parts)).text();
        return where.bind(jdbc.sql(sql)).query((rs, row) -> new DayTally(rs.getObject("day", LocalDate.class),
                rs.getLong("rounds"), rs.getLong("hits"))).list();
    }

    @Override
    public OcrAgreement ocrAgreement(String game, String platform, TimeWindow window, BigDecimal tolerance,
                                     int largest) {
        SqlConditions where = new SqlConditions().window("round_start_timestamp", "window", window)
                .parameter("game", game).parameter("platform", platform).parameter("tolerance", tolerance);
        long[] counts = where.bind(jdbc.sql(SqlTemplate.sql("""
                        SELECT count(*) AS watched,
                               count(*) FILTER (WHERE highest_reading - lowest_reading <= :tolerance) AS agreeing
                        {watched}""").with("watched", watched(where)).text()))
                .query((rs, row) -> new long[] {rs.getLong("watched"), rs.getLong("agreeing")})
                .single();
        return OcrAgreement.of(tolerance, counts[0], counts[1],
                largest == 0 ? List.of() : largestDisagreements(where.parameter("largest", largest)));
    }

    private static String watched(SqlConditions where) {
        return SqlTemplate.sql(WATCHED).with("where", where.sql()).text();
    }

    /** The game rounds whose readings spread the most beyond the tolerance, with every reading of each. */
    private List<OcrDisagreement> largestDisagreements(SqlConditions where) {
        String sql = SqlTemplate.sql("""
                WITH largest AS (
                    SELECT round_id, round_external_id, round_start_timestamp, observations, lowest_reading,
                           highest_reading, highest_reading - lowest_reading AS spread
                    {watched} AND highest_reading - lowest_reading > :tolerance
                    ORDER BY spread DESC, round_start_timestamp, round_id
                    LIMIT :largest
                )
                SELECT l.*, r.bot_id, r.crash_multiplier_detected
                FROM largest l
                JOIN crash_game_rounds r
                  ON r.game_name = :game AND r.platform_code = :platform AND r.round_external_id = l.round_external_id
                WHERE r.crash_multiplier_detected IS NOT NULL
                ORDER BY l.spread DESC, l.round_start_timestamp, l.round_id, r.bot_id, r.crash_multiplier_detected
                """).with("watched", watched(where)).text();
        Map<String, OcrDisagreement> byRound = new LinkedHashMap<>();
        where.bind(jdbc.sql(sql)).query((RowCallbackHandler) rs -> {
            String externalId = rs.getString("round_external_id");
            OcrDisagreement round = byRound.get(externalId);
            if (round == null) {
                round = new OcrDisagreement(externalId, SqlValues.instant(rs, "round_start_timestamp"),
                        rs.getInt("observations"), SqlValues.decimal(rs, "lowest_reading"),
                        SqlValues.decimal(rs, "highest_reading"), SqlValues.decimal(rs, "spread"), new ArrayList<>());
                byRound.put(externalId, round);
            }
            round.readings().add(new OcrReading(rs.getString("bot_id"), SqlValues.decimal(rs, "crash_multiplier_detected")));
        });
        // The readings were gathered in mutable lists; the answer holds them unmodifiable.
        return byRound.values().stream()
                .map(round -> new OcrDisagreement(round.roundExternalId(), round.startedAt(), round.observations(),
                        round.lowestReading(), round.highestReading(), round.spread(), List.copyOf(round.readings())))
                .toList();
    }
}
