package com.crashanalytics.persistence.analytics;

import static com.crashanalytics.persistence.analytics.PerformanceRows.returns;
import static com.crashanalytics.persistence.analytics.PerformanceRows.stats;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.BOTS_ALL_TIME;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.CURRENCIES_WITH_ROUNDS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.EQUITY_CURVE;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.ROUND_AS_TOTALS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.STRATEGY_EXISTS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.STRATEGY_NAMES;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.SUM_TOTALS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.TOTALS_COLUMNS;
import static com.crashanalytics.persistence.analytics.PerformanceStatements.performanceSql;
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
import com.crashanalytics.domain.analytics.performance.Leaderboard;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceScope;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.PerformanceTotals;
import com.crashanalytics.domain.analytics.performance.Period;
import com.crashanalytics.domain.analytics.performance.PeriodSummary;
import com.crashanalytics.domain.analytics.performance.RoundSeries;
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
        return performance("bot_id", inCurrency(new WindowSql()
                .anyOf("bot_id", botIds.toArray(String[]::new), "keys")
                .window("round_start_timestamp", window, "window"), currency), conversion, withEquity);
    }

    private Map<String, PerformanceStats> botsOverAllTime(Collection<String> botIds, boolean withEquity) {
        WindowSql keys = new WindowSql().anyOf("bot_id", botIds.toArray(String[]::new), "keys");
        String totals = SUM_TOTALS.formatted("SELECT bot_id AS k, " + TOTALS_COLUMNS.formatted("")
                + " FROM round_totals_hourly WHERE " + keys.where());
        Map<String, PerformanceStats> stats = new HashMap<>();
        keys.bind(jdbc.sql(BOTS_ALL_TIME.formatted(totals, EquityReturnsSql.ctes(withEquity, true),
                        EquityReturnsSql.columns(withEquity), EquityReturnsSql.join(withEquity))))
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
        WindowSql where = new WindowSql().anyOf("session_id", sessionIds.toArray(String[]::new), "keys");
        String sql = "SELECT performance.*, s.initial_balance AS session_capital FROM ("
                + performanceSql("session_id", where, null, true, true)
                + ") AS performance JOIN session_logs s ON s.session_id = performance.k";
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
        return performance("strategy_name", scoped(scope)
                .anyOf("strategy_name", strategyNames.toArray(String[]::new), "keys"), scope.conversion(), withEquity);
    }

    @Override
    public PerformanceStats ofScope(PerformanceScope scope, boolean withEquity) {
        return performance("''", scoped(scope), scope.conversion(), withEquity)
                .getOrDefault("", PerformanceStats.of(new RoundSeries(List.of())));
    }

    @Override
    public List<String> strategyNames(PerformanceScope scope) {
        WindowSql where = scoped(scope);
        return where.bind(jdbc.sql(STRATEGY_NAMES.formatted(where.where()))).query(String.class).list();
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
        WindowSql where = new WindowSql()
                .anyOf(keyColumn, keys.toArray(String[]::new), "keys")
                .window("round_start_timestamp", window, "window");
        String sql = EQUITY_CURVE.formatted(RoundTotalsSql.AGGREGATES, keyColumn, period.name().toLowerCase(Locale.ROOT),
                where.where());
        Map<String, List<PeriodSummary>> curves = new LinkedHashMap<>();
        where.bind(jdbc.sql(sql)).query((RowCallbackHandler) rs -> {
            Instant start = instant(rs, "period_start");
            curves.computeIfAbsent(rs.getString("k"), bot -> new ArrayList<>()).add(new PeriodSummary(
                    start, period.after(start), RoundTotalsSql.map(rs),
                    RoundTotalsSql.required(rs, "cumulative_profit_loss"), decimal(rs, "closing_balance")));
        });
        return curves;
    }

    @Override
    public List<Leaderboard.Entry> leaderboardEntries(TimeWindow window, @Nullable String currency,
                                                      @Nullable CurrencyConversion conversion,
                                                      TradeTypeFilter tradeTypes) {
        return totals("bot_id", inCurrency(new WindowSql().tradeTypes(tradeTypes), currency), conversion, window)
                .entrySet().stream()
                .map(entry -> new Leaderboard.Entry(entry.getKey(), entry.getValue().totals()))
                .toList();
    }

    @Override
    public List<String> currenciesWithRounds(TradeTypeFilter tradeTypes) {
        WindowSql ofTradeTypes = new WindowSql().tradeTypes(tradeTypes);
        return ofTradeTypes.bind(jdbc.sql(CURRENCIES_WITH_ROUNDS.formatted(ofTradeTypes.where())))
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
        return totals("bot_id", inCurrency(new WindowSql().anyOf("bot_id", botIds.toArray(String[]::new), "keys"),
                currency), conversion, window);
    }

    @Override
    public Map<String, PerformanceTotals> totalsOfStrategies(Collection<String> strategyNames, PerformanceScope scope) {
        if (strategyNames.isEmpty()) {
            return Map.of();
        }
        return totals("strategy_name", inCurrency(new WindowSql()
                .equal("game_name", scope.game(), "game")
                .equal("platform_code", scope.platform(), "platform")
                .tradeTypes(scope.tradeTypes())
                .anyOf("strategy_name", strategyNames.toArray(String[]::new), "keys"), scope.currency()),
                scope.conversion(), scope.window());
    }

    @Override
    public PerformanceTotals totalsOfScope(PerformanceScope scope) {
        return totals("''", inCurrency(new WindowSql()
                .equal("game_name", scope.game(), "game")
                .equal("platform_code", scope.platform(), "platform")
                .tradeTypes(scope.tradeTypes()), scope.currency()), scope.conversion(),
                scope.window())
                .getOrDefault("", PerformanceTotals.NONE);
    }

    /**
     * Order-independent figures per key from {@code round_totals_hourly} for the whole UTC hours inside the window,
     * and from the rounds themselves for the partial hours at its edges, in one statement (one snapshot).
     * {@code filters} name columns both tables have. Money is converted by {@code conversion} (null: as logged).
     */
    private Map<String, PerformanceTotals> totals(String keyExpression, WindowSql filters,
                                                  @Nullable CurrencyConversion conversion, TimeWindow window) {
        String factor = ConversionSql.factor(conversion);
        String rates = ConversionSql.join(conversion);
        List<String> parts = filters.wholeHoursAndEdges(window,
                hours -> "SELECT " + keyExpression + " AS k, " + TOTALS_COLUMNS.formatted(factor)
                        + " FROM round_totals_hourly" + rates + " WHERE " + hours,
                times -> "SELECT " + keyExpression + " AS k, " + ROUND_AS_TOTALS.formatted(factor)
                        + " FROM crash_game_rounds" + rates + " WHERE " + times);
        Map<String, PerformanceTotals> totals = new HashMap<>();
        ConversionSql.bind(filters, conversion).bind(jdbc.sql(SUM_TOTALS.formatted(String.join(" UNION ALL ", parts)))).query((RowCallbackHandler) rs ->
                totals.put(rs.getString("k"), new PerformanceTotals(RoundTotalsSql.map(rs), returns(rs),
                        instant(rs, "first_at"), instant(rs, "last_at"))));
        return totals;
    }


    private static WindowSql scoped(PerformanceScope scope) {
        return inCurrency(new WindowSql()
                .equal("game_name", scope.game(), "game")
                .equal("platform_code", scope.platform(), "platform")
                .tradeTypes(scope.tradeTypes())
                .window("round_start_timestamp", scope.window(), "window"), scope.currency());
    }

    /**
     * Only rows (of {@code crash_game_rounds} or {@code round_totals_hourly}, both keyed by game and platform) on
     * platforms configured in {@code currency}; all of them when null.
     */
    private static WindowSql inCurrency(WindowSql filters, @Nullable String currency) {
        return currency == null ? filters : filters
                .condition("(game_name, platform_code) IN (SELECT game_name, platform_code FROM game_platform_config "
                        + "WHERE currency = :currency)")
                .parameter("currency", currency);
    }

    private Map<String, PerformanceStats> performance(String keyExpression, WindowSql where,
                                                      @Nullable CurrencyConversion conversion, boolean withEquity) {
        Map<String, PerformanceStats> stats = new HashMap<>();
        ConversionSql.bind(where, conversion).bind(jdbc.sql(performanceSql(keyExpression, where, conversion, withEquity,
                        false)))
                .query((RowCallbackHandler) rs -> stats.put(rs.getString("k"), stats(rs, decimal(rs, "capital"), withEquity)));
        return stats;
    }
}
