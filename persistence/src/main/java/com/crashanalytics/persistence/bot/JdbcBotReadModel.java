package com.crashanalytics.persistence.bot;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.BotFilter;
import com.crashanalytics.domain.bot.BotReadModel;
import com.crashanalytics.domain.bot.BotStatus;
import com.crashanalytics.domain.bot.BotStatusRules;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.persistence.common.KeysetSql;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bots for dashboards: pages of {@code bot_vm_registration} by registration time, then the row's identity. */
public class JdbcBotReadModel implements BotReadModel {

    private static final KeysetSql<Bot> BY_REGISTRATION_SQL = new KeysetSql<>(JdbcBotRegistry.COLUMNS,
            "bot_vm_registration b", "", BY_REGISTRATION, List.of("b.created_at", "b.id"), JdbcBotRegistry::mapBot);

    private final JdbcClient jdbc;
    private final BotStatusSql status;

    public JdbcBotReadModel(JdbcClient jdbc, BotStatusRules statusRules, Clock clock) {
        this.jdbc = jdbc;
        this.status = new BotStatusSql(statusRules, clock);
    }

    @Override
    public Page<Bot> bots(ListQuery<BotFilter> query) {
        return BY_REGISTRATION_SQL.page(jdbc, where(query.filter()), query.page());
    }

    @Override
    public Map<String, BotStatus> statusOf(Collection<String> botIds) {
        Map<String, BotStatus> statuses = new HashMap<>();
        if (botIds.isEmpty()) {
            return statuses;
        }
        Map<String, Object> parameters = new HashMap<>(status.parameters());
        parameters.put("botIds", botIds.toArray(String[]::new));
        jdbc.sql(SqlTemplate.sql("""
                        SELECT b.bot_id, {status} AS status FROM bot_vm_registration b
                        WHERE b.bot_id = ANY(:botIds)""").with("status", BotStatusSql.EXPRESSION).text())
                .params(parameters)
                .query((RowCallbackHandler) rs -> statuses.put(rs.getString("bot_id"),
                        BotStatus.valueOf(rs.getString("status"))));
        return statuses;
    }

    @Override
    public List<Bot> findAll(Collection<String> botIds) {
        return JdbcBotRegistry.findAll(jdbc, botIds);
    }

    @Override
    public long count(BotFilter filter) {
        return BY_REGISTRATION_SQL.count(jdbc, where(filter));
    }

    @Override
    public Map<String, Page<Bot>> botsOfStrategies(Collection<String> strategyNames, ListQuery<BotFilter> query) {
        return BY_REGISTRATION_SQL.pagesOf(jdbc, "b.strategy_name", strategyNames, Bot::strategyName,
                where(query.filter()), query.page());
    }

    @Override
    public Map<String, Long> countBotsOfStrategies(Collection<String> strategyNames, BotFilter filter) {
        return BY_REGISTRATION_SQL.countsOf(jdbc, "b.strategy_name", strategyNames, where(filter));
    }

    /** Game, platform and window select bots by their sessions: one probe of the sessions' (bot, start) index per bot. */
    private SqlConditions where(BotFilter filter) {
        SqlConditions where = new SqlConditions()
                .anyOf("b.bot_id", "botIds", filter.botIds())
                .equal("b.strategy_name", "strategyName", filter.strategyName())
                .equal("b.trade_type", "tradeType", filter.tradeType());
        if (filter.concernsSessions()) {
            SqlConditions sessions = new SqlConditions()
                    .equal("s.game_name", "gameName", filter.gameName())
                    .equal("s.platform_code", "platformCode", filter.platformCode())
                    .notBefore("s.start_time", "from", filter.from())
                    .before("s.start_time", "to", filter.to());
            where.condition(SqlTemplate.sql("EXISTS (SELECT 1 FROM session_logs s WHERE s.bot_id = b.bot_id AND {where})")
                    .with("where", sessions.sql()).text(), sessions.parameters());
        }
        if (filter.status() != null) {
            Map<String, Object> parameters = new HashMap<>(status.parameters());
            parameters.put("status", filter.status().name());
            where.condition(SqlTemplate.sql("{status} = :status").with("status", BotStatusSql.EXPRESSION).text(),
                    parameters);
        }
        return where;
    }
}
