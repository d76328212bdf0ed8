package com.crashanalytics.persistence.session;

import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.session.FleetActivityReadModel;
import com.crashanalytics.domain.session.SessionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fleet's pulse from {@code bot_vm_registration} (heartbeats) and {@code crash_game_rounds} (newest round per
 * bot: one backward probe of the (bot_id, round_start_timestamp) index per bot).
 */
public class JdbcFleetActivityReadModel implements FleetActivityReadModel {

    private static final String MOST_RECENTLY_ACTIVE = """
            SELECT bot_id, last_round_at, last_heartbeat_at
            FROM (SELECT b.bot_id, b.last_heartbeat_at,
                         (SELECT max(r.round_start_timestamp) FROM crash_game_rounds r WHERE r.bot_id = b.bot_id)
                             AS last_round_at
                  FROM bot_vm_registration b) activity
            ORDER BY greatest(last_round_at, last_heartbeat_at) DESC NULLS LAST, bot_id
            LIMIT :limit
            """;

    private final JdbcClient jdbc;

    public JdbcFleetActivityReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<BotActivity> mostRecentlyActiveBots(int limit) {
        return jdbc.sql(MOST_RECENTLY_ACTIVE).param("limit", limit)
                .query((rs, row) -> new BotActivity(rs.getString("bot_id"), instant(rs, "last_round_at"),
                        instant(rs, "last_heartbeat_at")))
                .list();
    }

    @Override
    public Map<SessionStatus, Long> sessionsByStatus() {
        Map<SessionStatus, Long> counts = new EnumMap<>(SessionStatus.class);
        for (SessionStatus status : SessionStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, count(*) AS sessions FROM session_logs GROUP BY status")
                .query(rs -> {
                    counts.put(SessionStatus.valueOf(rs.getString("status")), rs.getLong("sessions"));
                });
        return counts;
    }
}
