package com.crashanalytics.persistence.analytics;

import static com.crashanalytics.persistence.analytics.PerformanceRows.maxDrawdown;
import static com.crashanalytics.persistence.analytics.PerformanceRows.returns;
import static com.crashanalytics.persistence.analytics.PerformanceRows.stats;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.BOTS_ALL_TIME;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.CURRENCIES_WITH_ROUNDS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.EQUITY_CURVE;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.EQUITY_CURVE_OF_BOTS_ALL_TIME;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.FOLDED_DRAWDOWN_COLUMNS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.ROUND_AS_TOTALS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.STRATEGIES_FROM_SEGMENTS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.STRATEGY_EXISTS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.STRATEGY_NAMES;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.TOTALS_COLUMNS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.TOTALS_SUMS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.maxDrawdownSql;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.performanceSql;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.sumTotals;
import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import com.crashanalytics.domain.analytics.performance.Drawdown;
import com.crashanalytics.domain.analytics.performance.Leaderboard;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceScope;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.PerformanceTotals;
import com.crashanalytics.domain.analytics.performance.Period;
import com.crashanalytics.domain.analytics.performance.PeriodSummary;
import com.crashanalytics.domain.analytics.performance.RoundSeries;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Performance in one SQL statement per batch of subjects (bots, strategies, a game/platform) over
 * {@code crash_game_rounds}, following the definitions of {@link PerformanceStats}: the equity curve, peaks and falls
 * by window functions in {@code (round_start_timestamp, id)} order, streaks as runs of WIN/LOSS within a session,
 * returns as sums of P/L / stake over bets. Ratios and percentages are left to the domain. The statements are in
 * {@link PerformanceStatements}, the mapping of their rows in {@link PerformanceRows}; this class picks the statement
 * for a question, binds it and collects the answer.
 */
public class JdbcPerformanceReadModel implements PerformanceReadModel {

    private final JdbcClient jdbc;

    public JdbcPerformanceReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, PerformanceStats> ofBots(Collection<String> botIds, TimeWindow window, @Nullable String currency,
                                                @Nullable CurrencyConversion conversion, boolean withEquity) {
        if (botIds.isEmpty()) {
            return Map.of();
        }
        if (window.equals(TimeWindow.ALL) && currency == null && conversion == null) {
            return botsOverAllTime(botIds, withEquity);
        }
        return performance("bot_id", new SqlConditions()
                .anyOf("bot_id", "keys", botIds)
                .window("round_start_timestamp", "window", window)
                .platformCurrency(currency), conversion, withEquity);
    }

    private Map<String, PerformanceStats> botsOverAllTime(Collection<String> botIds, boolean withEquity) {
        SqlConditions keys = new SqlConditions().anyOf("bot_id", "keys", botIds);
        String hours = SqlTemplate.sql("SELECT bot_id AS k, {columns} FROM round_totals_hourly WHERE {where}")
                .with("columns", SqlTemplate.sql(TOTALS_COLUMNS).with("factor", "").text()).with("where", keys.sql())
                .text();
        String sql = SqlTemplate.sql(BOTS_ALL_TIME)
                .with("totals", sumTotals(hours))
                .with("equityCtes", EquityReturnsSql.ctes(withEquity, true))
                .with("equityColumns", EquityReturnsSql.columns(withEquity))
                .with("equityJoin", EquityReturnsSql.join(withEquity))
                .with("drawdownColumns", FOLDED_DRAWDOWN_COLUMNS)
                .text();
        Map<String, PerformanceStats> stats = new HashMap<>();
        keys.bind(jdbc.sql(sql))
                .query((RowCallbackHandler) rs -> stats.put(rs.getString("k"), stats(rs, decimal(rs, "capital"), withEquity)));
        return stats;
    }

    /**
     * The bots' statement, keyed by session, with each session's initial balance as the starting capital in place of
     * the capital implied by reported balances: a session knows what it started with.
     */
    @Override
    public Map<String, PerformanceStats> ofSessions(Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        SqlConditions where = new SqlConditions().anyOf("session_id", "keys", sessionIds);
        String sql = SqlTemplate.sql("""
                SELECT performance.*, s.initial_balance AS session_capital
                FROM ({performance}) AS performance JOIN session_logs s ON s.session_id = performance.k""")
                .with("performance", performanceSql("session_id", where, null, true, true))
                .text();
        Map<String, PerformanceStats> stats = new HashMap<>();
        where.bind(jdbc.sql(sql)).query((RowCallbackHandler) rs ->
                stats.put(rs.getString("k"), stats(rs, RoundTotalsSql.required(rs, "session_capital"), true)));
        return stats;
    }

    @Override
    public Map<String, PerformanceStats> ofStrategies(Collection<String> strategyNames, PerformanceScope scope,
                                                      boolean withEquity) {
        if (strategyNames.isEmpty()) {
            return Map.of();
        }
        if (scope.conversion() == null && !withEquity) {
            return strategiesFromSegments(strategyNames, scope);
        }
        return performance("strategy_name", scoped(scope)
                .anyOf("strategy_name", "keys", strategyNames), scope.conversion(), withEquity);
    }

    /**
     * {@link #ofStrategies} from the rollups ({@link PerformanceStatements#STRATEGIES_FROM_SEGMENTS}): the same figures
     * as the walk over the rounds, in one statement, without the equity returns (those need the walk).
     */
    private Map<String, PerformanceStats> strategiesFromSegments(Collection<String> strategyNames,
                                                                 PerformanceScope scope) {
        SqlConditions filters = new SqlConditions()
                .equal("game_name", "game", scope.game())
                .equal("platform_code", "platform", scope.platform())
                .tradeTypes(scope.tradeTypes())
                .platformCurrency(scope.currency());
        String scopeSql = filters.sql();
        SqlConditions statement = filters.copy().anyOf("strategy_name", "keys", strategyNames);
        List<String> parts = statement.wholeHoursAndEdges(scope.window(),
                hours -> SqlTemplate.sql("SELECT strategy_name AS k, {columns} FROM round_totals_hourly WHERE {where}")
                        .with("columns", SqlTemplate.sql(TOTALS_COLUMNS).with("factor", "").text())
                        .with("where", hours).text(),
                times -> SqlTemplate.sql("SELECT strategy_name AS k, {columns} FROM crash_game_rounds WHERE {where}")
                        .with("columns", SqlTemplate.sql(ROUND_AS_TOTALS).with("factor", "").text())
                        .with("where", times).text());
        SqlConditions rounds = new SqlConditions().window("round_start_timestamp", "window", scope.window());
        SqlConditions hours = new SqlConditions()
                .condition("hour >= date_trunc('hour', CAST(CAST(:windowStart AS text) AS timestamptz), 'UTC')")
                .condition("hour < CAST(CAST(:windowEnd AS text) AS timestamptz)");
        rounds.parameters().forEach(statement::parameter);
        statement.parameter("windowStart", scope.window().from() == null ? "-infinity" : scope.window().from().toString())
                .parameter("windowEnd", scope.window().to() == null ? "infinity" : scope.window().to().toString());
        String sql = SqlTemplate.sql(STRATEGIES_FROM_SEGMENTS)
                .with("totals", sumTotals(String.join(" UNION ALL ", parts)))
                .with("scope", scopeSql).with("rounds", rounds.sql()).with("hours", hours.sql())
                .with("drawdownColumns", FOLDED_DRAWDOWN_COLUMNS).text();
        Map<String, PerformanceStats> stats = new HashMap<>();
        statement.bind(jdbc.sql(sql))
                .query((RowCallbackHandler) rs -> stats.put(rs.getString("k"), stats(rs, decimal(rs, "capital"), false)));
        return stats;
    }

    @Override
    public Map<String, Drawdown> maxDrawdownsOfStrategies(Collection<String> strategyNames, PerformanceScope scope) {
        if (strategyNames.isEmpty()) {
            return Map.of();
        }
        if (scope.conversion() == null) {
            Map<String, Drawdown> drawdowns = new HashMap<>();
            strategiesFromSegments(strategyNames, scope).forEach((name, stats) -> drawdowns.put(name, stats.maxDrawdown()));
            return drawdowns;
        }
        SqlConditions where = scoped(scope).anyOf("strategy_name", "keys", strategyNames);
        Map<String, Drawdown> drawdowns = new HashMap<>();
        ConversionSql.bind(where, scope.conversion()).bind(jdbc.sql(maxDrawdownSql("strategy_name", where,
                        scope.conversion())))
                .query((RowCallbackHandler) rs -> drawdowns.put(rs.getString("k"),
                        maxDrawdown(rs, decimal(rs, "capital"))));
        return drawdowns;
    }

    @Override
    public PerformanceStats ofScope(PerformanceScope scope, boolean withEquity) {
        return performance("''", scoped(scope), scope.conversion(), withEquity)
                .getOrDefault("", PerformanceStats.of(new RoundSeries(List.of())));
    }

    @Override
    public List<String> strategyNames(PerformanceScope scope) {
        SqlConditions where = scoped(scope);
        return where.bind(jdbc.sql(SqlTemplate.sql(STRATEGY_NAMES).with("where", where.sql()).text())).query(String.class).list();
    }

    @Override
    public boolean strategyExists(String strategyName) {
        return jdbc.sql(STRATEGY_EXISTS)
                .param("name", strategyName)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Map<String, List<PeriodSummary>> equityCurves(Collection<String> botIds, Period period, TimeWindow window) {
        if (!botIds.isEmpty() && window.equals(TimeWindow.ALL)) {
            // A bot's whole history has its hours in the rollup, as in ofBots; a window is read from its rounds.
            return curves(SqlTemplate.sql(EQUITY_CURVE_OF_BOTS_ALL_TIME)
                    .with("totalsColumns", SqlTemplate.sql(TOTALS_COLUMNS).with("factor", "").text())
                    .with("roundAsTotals", SqlTemplate.sql(ROUND_AS_TOTALS).with("factor", "").text())
                    .with("sums", TOTALS_SUMS).with("period", periodName(period)).text(),
                    new SqlConditions().anyOf("bot_id", "keys", botIds), period);
        }
        return equityCurves("bot_id", botIds, period, window);
    }

    @Override
    public Map<String, List<PeriodSummary>> equityCurvesOfSessions(Collection<String> sessionIds, Period period,
                                                                   TimeWindow window) {
        return equityCurves("session_id", sessionIds, period, window);
    }

    /** The curve of each subject whose rounds have {@code keyColumn} = one of {@code keys}. */
    private Map<String, List<PeriodSummary>> equityCurves(String keyColumn, Collection<String> keys, Period period,
                                                          TimeWindow window) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        SqlConditions where = new SqlConditions()
                .anyOf(keyColumn, "keys", keys)
                .window("round_start_timestamp", "window", window);
        return curves(SqlTemplate.sql(EQUITY_CURVE).with("aggregates", RoundTotalsSql.AGGREGATES).with("key", keyColumn)
                .with("period", periodName(period)).with("where", where.sql()).text(), where, period);
    }

    /** The periods {@code sql} answers, per subject k, with the parameters {@code where} binds. */
    private Map<String, List<PeriodSummary>> curves(String sql, SqlConditions where, Period period) {
        Map<String, List<PeriodSummary>> curves = new LinkedHashMap<>();
        where.bind(jdbc.sql(sql)).query((RowCallbackHandler) rs -> {
            Instant start = instant(rs, "period_start");
            curves.computeIfAbsent(rs.getString("k"), bot -> new ArrayList<>()).add(new PeriodSummary(
                    start, period.after(start), RoundTotalsSql.map(rs),
                    RoundTotalsSql.required(rs, "cumulative_profit_loss"), decimal(rs, "closing_balance")));
        });
        return curves;
    }

    private static String periodName(Period period) {
        return period.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<Leaderboard.Entry> leaderboardEntries(TimeWindow window, @Nullable String currency,
                                                      @Nullable CurrencyConversion conversion,
                                                      TradeTypeFilter tradeTypes) {
        return totals("bot_id", new SqlConditions().tradeTypes(tradeTypes).platformCurrency(currency), conversion,
                window)
                .entrySet().stream()
                .map(entry -> new Leaderboard.Entry(entry.getKey(), entry.getValue().totals()))
                .toList();
    }

    @Override
    public List<String> currenciesWithRounds(TradeTypeFilter tradeTypes) {
        SqlConditions ofTradeTypes = new SqlConditions().tradeTypes(tradeTypes);
        return ofTradeTypes.bind(jdbc.sql(SqlTemplate.sql(CURRENCIES_WITH_ROUNDS).with("where", ofTradeTypes.sql()).text()))
                .query(String.class)
                .list();
    }

    @Override
    public Map<String, PerformanceTotals> totalsOfBots(Collection<String> botIds, TimeWindow window,
                                                       @Nullable String currency,
                                                       @Nullable CurrencyConversion conversion) {
        if (botIds.isEmpty()) {
            return Map.of();
        }
        return totals("bot_id", new SqlConditions().anyOf("bot_id", "keys", botIds).platformCurrency(currency),
                conversion, window);
    }

    @Override
    public Map<String, PerformanceTotals> totalsOfStrategies(Collection<String> strategyNames, PerformanceScope scope) {
        if (strategyNames.isEmpty()) {
            return Map.of();
        }
        return totals("strategy_name", new SqlConditions()
                .equal("game_name", "game", scope.game())
                .equal("platform_code", "platform", scope.platform())
                .tradeTypes(scope.tradeTypes())
                .anyOf("strategy_name", "keys", strategyNames)
                .platformCurrency(scope.currency()),
                scope.conversion(), scope.window());
    }

    @Override
    public PerformanceTotals totalsOfScope(PerformanceScope scope) {
        return totals("''", new SqlConditions()
                .equal("game_name", "game", scope.game())
                .equal("platform_code", "platform", scope.platform())
                .tradeTypes(scope.tradeTypes())
                .platformCurrency(scope.currency()), scope.conversion(),
                scope.window())
                .getOrDefault("", PerformanceTotals.NONE);
    }

    /**
     * Order-independent figures per key from {@code round_totals_hourly} for the whole UTC hours inside the window,
     * and from the rounds themselves for the partial hours at its edges, in one statement (one snapshot).
     * {@code filters} name columns both tables have. Money is converted by {@code conversion} (null: as logged).
     */
    private Map<String, PerformanceTotals> totals(String keyExpression, SqlConditions filters,
                                                  @Nullable CurrencyConversion conversion, TimeWindow window) {
        String factor = ConversionSql.factor(conversion);
        String rates = ConversionSql.join(conversion);
        List<String> parts = filters.wholeHoursAndEdges(window,
                hours -> SqlTemplate.sql("SELECT {key} AS k, {columns} FROM round_totals_hourly {rates} WHERE {where}")
                        .with("key", keyExpression).with("columns", SqlTemplate.sql(TOTALS_COLUMNS).with("factor", factor).text())
                        .with("rates", rates).with("where", hours).text(),
                times -> SqlTemplate.sql("SELECT {key} AS k, {columns} FROM crash_game_rounds {rates} WHERE {where}")
                        .with("key", keyExpression).with("columns", SqlTemplate.sql(ROUND_AS_TOTALS).with("factor", factor).text())
                        .with("rates", rates).with("where", times).text());
        Map<String, PerformanceTotals> totals = new HashMap<>();
        ConversionSql.bind(filters, conversion).bind(jdbc.sql(sumTotals(String.join(" UNION ALL ", parts)))).query((RowCallbackHandler) rs ->
                totals.put(rs.getString("k"), new PerformanceTotals(RoundTotalsSql.map(rs), returns(rs),
                        instant(rs, "first_at"), instant(rs, "last_at"))));
        return totals;
    }


    private static SqlConditions scoped(PerformanceScope scope) {
        return new SqlConditions()
                .equal("game_name", "game", scope.game())
                .equal("platform_code", "platform", scope.platform())
                .tradeTypes(scope.tradeTypes())
                .window("round_start_timestamp", "window", scope.window())
                .platformCurrency(scope.currency());
    }

    private Map<String, PerformanceStats> performance(String keyExpression, SqlConditions where,
                                                      @Nullable CurrencyConversion conversion, boolean withEquity) {
        Map<String, PerformanceStats> stats = new HashMap<>();
        ConversionSql.bind(where, conversion).bind(jdbc.sql(performanceSql(keyExpression, where, conversion, withEquity,
                        false)))
                .query((RowCallbackHandler) rs -> stats.put(rs.getString("k"), stats(rs, decimal(rs, "capital"), withEquity)));
        return stats;
    }
}
