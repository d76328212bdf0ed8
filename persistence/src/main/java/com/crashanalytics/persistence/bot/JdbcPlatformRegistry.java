package com.crashanalytics.persistence.bot;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;
import static com.crashanalytics.persistence.common.SqlValues.timestamptz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.bot.Game;
import com.crashanalytics.domain.bot.Platform;
import com.crashanalytics.domain.bot.PlatformRegistry;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Games in {@code crash_games}, platforms in {@code game_platform_config}, keyed by (game_name, platform_code). */
public class JdbcPlatformRegistry implements PlatformRegistry {

    private static final String GAME_COLUMNS = "g.game_name, g.display_name, g.provider, g.default_house_edge_percent, g.builtin";
    private static final String PLATFORM_QUERY = SqlTemplate.sql("""
            SELECT {gameColumns}
            , p.platform_code, p.platform_url, p.currency, p.house_edge_percent, p.min_multiplier, p.max_multiplier,
              p.is_active, p.created_at, p.updated_at
            FROM game_platform_config p JOIN crash_games g ON g.game_name = p.game_name
            """).with("gameColumns", GAME_COLUMNS).text();

    private final JdbcClient jdbc;

    private final Authorship authorship;

    public JdbcPlatformRegistry(JdbcClient jdbc, Authorship authorship) {
        this.jdbc = jdbc;
        this.authorship = authorship;
    }

    @Override
    public Optional<Game> findGame(String gameName) {
        return jdbc.sql(SqlTemplate.sql("SELECT {columns} FROM crash_games g WHERE g.game_name = :gameName")
                        .with("columns", GAME_COLUMNS).text())
                .param("gameName", gameName)
                .query(JdbcPlatformRegistry::mapGame)
                .optional();
    }

    @Override
    public Game registerGame(Game game) {
        jdbc.sql("""
                        INSERT INTO crash_games (game_name, display_name, provider, default_house_edge_percent, builtin,
                                                 written_by_key_id)
                        VALUES (:gameName, :displayName, :provider, :houseEdge, false, CAST(:writtenBy AS uuid))
                        ON CONFLICT (game_name) DO NOTHING
                        """)
                .param("writtenBy", authorship.currentKeyId().orElse(null))
                .param("gameName", game.gameName())
                .param("displayName", game.displayName())
                .param("provider", game.provider())
                .param("houseEdge", game.defaultHouseEdgePercent())
                .update();
        return findGame(game.gameName()).orElseThrow();
    }

    @Override
    public Optional<Platform> find(String gameName, String platformCode) {
        return findOne(gameName, platformCode, "");
    }

    @Override
    public List<Platform> findAll(Collection<PlatformKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SqlTemplate.sql("""
                        {platforms}
                        WHERE (p.game_name, p.platform_code) IN (SELECT * FROM unnest(CAST(:games AS text[]), CAST(:platforms AS text[])))
                        """).with("platforms", PLATFORM_QUERY).text())
                .param("games", keys.stream().map(PlatformKey::gameName).toArray(String[]::new))
                .param("platforms", keys.stream().map(PlatformKey::platformCode).toArray(String[]::new))
                .query(JdbcPlatformRegistry::mapPlatform)
                .list();
    }

    @Override
    public Optional<Platform> findForUpdate(String gameName, String platformCode) {
        return findOne(gameName, platformCode, " FOR UPDATE OF p");
    }

    private Optional<Platform> findOne(String gameName, String platformCode, String lockClause) {
        return jdbc.sql(SqlTemplate.sql("{platforms} WHERE p.game_name = :gameName AND p.platform_code = :platformCode{lock}")
                        .with("platforms", PLATFORM_QUERY).with("lock", lockClause).text())
                .param("gameName", gameName)
                .param("platformCode", platformCode)
                .query(JdbcPlatformRegistry::mapPlatform)
                .optional();
    }

    @Override
    public Platform save(Platform platform) {
        jdbc.sql("""
                        INSERT INTO game_platform_config (game_name, platform_code, platform_url, currency,
                            house_edge_percent, min_multiplier, max_multiplier, is_active, created_at, updated_at,
                            written_by_key_id)
                        VALUES (:gameName, :platformCode, :platformUrl, :currency, :houseEdge, :minMultiplier,
                                :maxMultiplier, :active, :createdAt, :updatedAt, CAST(:writtenBy AS uuid))
                        ON CONFLICT (game_name, platform_code) DO UPDATE SET
                            platform_url = EXCLUDED.platform_url,
                            currency = EXCLUDED.currency,
                            house_edge_percent = EXCLUDED.house_edge_percent,
                            min_multiplier = EXCLUDED.min_multiplier,
                            max_multiplier = EXCLUDED.max_multiplier,
                            is_active = EXCLUDED.is_active,
                            updated_at = EXCLUDED.updated_at,
                            written_by_key_id = EXCLUDED.written_by_key_id
                        """)
                .param("writtenBy", authorship.currentKeyId().orElse(null))
                .param("gameName", platform.gameName())
                .param("platformCode", platform.platformCode())
                .param("platformUrl", platform.platformUrl())
                .param("currency", platform.currency())
                .param("houseEdge", platform.houseEdgePercent())
                .param("minMultiplier", platform.minMultiplier())
                .param("maxMultiplier", platform.maxMultiplier())
                .param("active", platform.isActive())
                .param("createdAt", timestamptz(platform.createdAt()))
                .param("updatedAt", timestamptz(platform.updatedAt()))
                .update();
        return find(platform.gameName(), platform.platformCode()).orElseThrow();
    }

    @Override
    public List<Platform> all() {
        return jdbc.sql(SqlTemplate.sql("{platforms} ORDER BY p.game_name, p.platform_code")
                        .with("platforms", PLATFORM_QUERY).text())
                .query(JdbcPlatformRegistry::mapPlatform)
                .list();
    }

    private static Game mapGame(ResultSet rs, int row) throws SQLException {
        return new Game(rs.getString("game_name"), rs.getString("display_name"), rs.getString("provider"),
                decimal(rs, "default_house_edge_percent"), rs.getBoolean("builtin"));
    }

    private static Platform mapPlatform(ResultSet rs, int row) throws SQLException {
        return new Platform(mapGame(rs, row), rs.getString("platform_code"), rs.getString("platform_url"),
                rs.getString("currency"), decimal(rs, "house_edge_percent"), decimal(rs, "min_multiplier"),
                decimal(rs, "max_multiplier"), rs.getBoolean("is_active"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
