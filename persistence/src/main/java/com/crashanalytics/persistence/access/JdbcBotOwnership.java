package com.crashanalytics.persistence.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.crashanalytics.domain.access.BotOwnership;
import com.crashanalytics.domain.access.OwnedResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which bot owns a session ({@code session_logs}) or a round ({@code crash_game_rounds}): one indexed query. */
public class JdbcBotOwnership implements BotOwnership {

    private final JdbcClient jdbc;

    public JdbcBotOwnership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> ownersOf(OwnedResource resource, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return switch (resource) {
            case SESSION -> owners("SELECT session_id AS id, bot_id FROM session_logs WHERE session_id = ANY(:ids)",
                    ids, ids.toArray(String[]::new), id -> id);
            case ROUND -> owners("SELECT id::text AS id, bot_id FROM crash_game_rounds WHERE id = ANY(:ids)",
                    ids, ids.stream().map(JdbcBotOwnership::canonicalUuid).filter(id -> id != null)
                            .map(UUID::fromString).toArray(UUID[]::new),
                    JdbcBotOwnership::canonicalUuid);
        };
    }

    /** Runs the lookup and answers under the ids as asked (a round id may be asked in upper case). */
    private Map<String, String> owners(String sql, Collection<String> asked, Object[] parameter,
                                       java.util.function.Function<String, String> asStored) {
        Map<String, String> ownerByStoredId = new HashMap<>();
        jdbc.sql(sql).param("ids", parameter).query(rs -> {
            ownerByStoredId.put(rs.getString("id"), rs.getString("bot_id"));
        });
        Map<String, String> owners = new HashMap<>();
        for (String id : asked) {
            String stored = asStored.apply(id);
            if (stored != null && ownerByStoredId.containsKey(stored)) {
                owners.put(id, ownerByStoredId.get(stored));
            }
        }
        return owners;
    }

    /** A round id as PostgreSQL prints it, or null when the string is not a UUID (then it names no round). */
    private static String canonicalUuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
