package com.crashanalytics.persistence.bot;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;
import static com.crashanalytics.persistence.common.SqlValues.timestamptz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.bot.TradeType;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bots in {@code bot_vm_registration}, keyed by the natural {@code bot_id}. */
public class JdbcBotRegistry implements BotRegistry {

    static final String COLUMNS = """
            bot_id, bot_name, vm_name, vm_provider, region, session_id, strategy_name,
            initial_balance, base_stake, max_stake, created_at, updated_at, last_heartbeat_at, trade_type
            """;

    private final JdbcClient jdbc;
    private final Authorship authorship;

    public JdbcBotRegistry(JdbcClient jdbc, Authorship authorship) {
        this.jdbc = jdbc;
        this.authorship = authorship;
    }

    @Override
    public Optional<Bot> find(String botId) {
        return findOne(botId, "");
    }

    @Override
    public List<Bot> findAll(Collection<String> botIds) {
        return findAll(jdbc, botIds);
    }

    /** The bots with these ids: what the registry and the read model both answer, from one statement. */
    static List<Bot> findAll(JdbcClient jdbc, Collection<String> botIds) {
        if (botIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SqlTemplate.sql("SELECT {columns} FROM bot_vm_registration WHERE bot_id = ANY(:botIds)")
                        .with("columns", COLUMNS).text())
                .param("botIds", botIds.toArray(String[]::new))
                .query(JdbcBotRegistry::mapBot)
                .list();
    }

    @Override
    public Optional<Bot> findForUpdate(String botId) {
        return findOne(botId, " FOR UPDATE");
    }

    private Optional<Bot> findOne(String botId, String lockClause) {
        return jdbc.sql(SqlTemplate.sql("SELECT {columns} FROM bot_vm_registration WHERE bot_id = :botId{lock}")
                        .with("columns", COLUMNS).with("lock", lockClause).text())
                .param("botId", botId)
                .query(JdbcBotRegistry::mapBot)
                .optional();
    }

    @Override
    public Bot save(Bot bot) {
        return jdbc.sql(SqlTemplate.sql("""
                        INSERT INTO bot_vm_registration (bot_id, bot_name, vm_name, vm_provider, region, strategy_name,
                                                         initial_balance, base_stake, max_stake, created_at, updated_at,
                                                         written_by_key_id, trade_type)
                        VALUES (:botId, :botName, :vmName, :vmProvider, :region, :strategyName,
                                :initialBalance, :baseStake, :maxStake, :registeredAt, :updatedAt,
                                CAST(:writtenBy AS uuid), :tradeType)
                        ON CONFLICT (bot_id) DO UPDATE SET
                            bot_name = EXCLUDED.bot_name,
                            vm_name = EXCLUDED.vm_name,
                            vm_provider = EXCLUDED.vm_provider,
                            region = EXCLUDED.region,
                            strategy_name = EXCLUDED.strategy_name,
                            initial_balance = EXCLUDED.initial_balance,
                            base_stake = EXCLUDED.base_stake,
                            max_stake = EXCLUDED.max_stake,
                            updated_at = EXCLUDED.updated_at,
                            written_by_key_id = EXCLUDED.written_by_key_id,
                            trade_type = EXCLUDED.trade_type
                        RETURNING {columns}""").with("columns", COLUMNS).text())
                .param("botId", bot.botId())
                .param("botName", bot.botName())
                .param("vmName", bot.vmName())
                .param("vmProvider", bot.vmProvider())
                .param("region", bot.region())
                .param("strategyName", bot.strategyName())
                .param("initialBalance", bot.initialBalance())
                .param("baseStake", bot.baseStake())
                .param("maxStake", bot.maxStake())
                .param("registeredAt", timestamptz(bot.registeredAt()))
                .param("updatedAt", timestamptz(bot.updatedAt()))
                .param("writtenBy", authorship.currentKeyId().orElse(null))
                .param("tradeType", bot.tradeType().name())
                .query(JdbcBotRegistry::mapBot)
                .single();
    }

    @Override
    public void recordHeartbeat(String botId, Instant at) {
        jdbc.sql("UPDATE bot_vm_registration SET last_heartbeat_at = :at WHERE bot_id = :botId")
                .param("botId", botId)
                .param("at", timestamptz(at))
                .update();
    }

    @Override
    public void recordSessionStarted(String botId, String sessionId) {
        // The configuration did not change, so updated_at (when the configuration last changed) stays.
        jdbc.sql("UPDATE bot_vm_registration SET session_id = :sessionId WHERE bot_id = :botId")
                .param("botId", botId)
                .param("sessionId", sessionId)
                .update();
    }

    static Bot mapBot(ResultSet rs, int row) throws SQLException {
        return new Bot(
                rs.getString("bot_id"),
                rs.getString("bot_name"),
                rs.getString("vm_name"),
                rs.getString("vm_provider"),
                rs.getString("region"),
                rs.getString("strategy_name"),
                decimal(rs, "initial_balance"),
                decimal(rs, "base_stake"),
                decimal(rs, "max_stake"),
                rs.getString("session_id"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "last_heartbeat_at"),
                TradeType.valueOf(rs.getString("trade_type")));
    }
}
