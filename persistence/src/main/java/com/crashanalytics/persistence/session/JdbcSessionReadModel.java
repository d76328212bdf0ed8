package com.crashanalytics.persistence.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionFilter;
import com.crashanalytics.domain.session.SessionReadModel;
import com.crashanalytics.persistence.common.KeysetSql;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions for dashboards: pages of {@code session_logs} by start time, then the row's identity. */
public class JdbcSessionReadModel implements SessionReadModel {

    private static final KeysetSql<Session> BY_START_SQL = new KeysetSql<>(SessionRows.COLUMNS, "session_logs s", "",
            BY_START, List.of("s.start_time", "s.id"), SessionRows::map);

    /** An ACTIVE session last heard from (a round, a heartbeat) before :silentBefore: as {@code Session.isStale}. */
    static final String STALE = "(s.status = 'ACTIVE' AND greatest(s.updated_at, s.last_heartbeat_at) < :silentBefore)";
    private static final String NOT_STALE = SqlTemplate.sql("NOT {stale}").with("stale", STALE).text();

    private final JdbcClient jdbc;
    private final Duration staleAfter;
    private final Clock clock;

    public JdbcSessionReadModel(JdbcClient jdbc, Duration staleAfter, Clock clock) {
        this.jdbc = jdbc;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    @Override
    public Page<Session> sessions(ListQuery<SessionFilter> query) {
        return BY_START_SQL.page(jdbc, where(query.filter()), query.page());
    }

    @Override
    public Map<String, Page<Session>> sessionsOfBots(Collection<String> botIds, ListQuery<SessionFilter> query) {
        return BY_START_SQL.pagesOf(jdbc, "s.bot_id", botIds, Session::botId, where(query.filter()), query.page());
    }

    @Override
    public long count(SessionFilter filter) {
        return BY_START_SQL.count(jdbc, where(filter));
    }

    @Override
    public Map<String, Long> countSessionsOfBots(Collection<String> botIds, SessionFilter filter) {
        return BY_START_SQL.countsOf(jdbc, "s.bot_id", botIds, where(filter));
    }

    @Override
    public Map<String, Page<Session>> sessionsOfStrategies(Collection<String> strategyNames,
                                                           ListQuery<SessionFilter> query) {
        return BY_START_SQL.pagesOf(jdbc, "s.strategy_name", strategyNames, Session::strategyName, where(query.filter()),
                query.page());
    }

    @Override
    public Map<String, Long> countSessionsOfStrategies(Collection<String> strategyNames, SessionFilter filter) {
        return BY_START_SQL.countsOf(jdbc, "s.strategy_name", strategyNames, where(filter));
    }

    @Override
    public List<Session> findAll(Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SqlTemplate.sql("SELECT {columns} FROM session_logs WHERE session_id = ANY(:ids)")
                        .with("columns", SessionRows.COLUMNS).text())
                .param("ids", sessionIds.toArray(String[]::new))
                .query(SessionRows::map)
                .list();
    }

    private SqlConditions where(SessionFilter filter) {
        SqlConditions where = new SqlConditions()
                .equal("s.bot_id", "botId", filter.botId())
                .anyOf("s.bot_id", "botIds", filter.botIds())
                .equal("s.game_name", "gameName", filter.gameName())
                .equal("s.platform_code", "platformCode", filter.platformCode())
                .equal("s.strategy_name", "strategyName", filter.strategyName())
                .equal("s.status", "status", filter.status())
                .notBefore("s.start_time", "from", filter.from())
                .before("s.start_time", "to", filter.to());
        if (filter.stale() != null) {
            where.condition(filter.stale() ? STALE : NOT_STALE,
                    Map.of("silentBefore", SqlValues.timestamptz(clock.instant().minus(staleAfter))));
        }
        if (filter.tradeType() != null) {
            where.condition("s.bot_id IN (SELECT t.bot_id FROM bot_vm_registration t WHERE t.trade_type = :tradeType)",
                    Map.of("tradeType", filter.tradeType().name()));
        }
        return where;
    }
}
