package com.crashanalytics.persistence.analytics;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import com.crashanalytics.domain.analytics.performance.EquityReturns;
import com.crashanalytics.domain.analytics.performance.Leaderboard;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceScope;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.PerformanceTotals;
import com.crashanalytics.domain.analytics.performance.Period;
import com.crashanalytics.domain.analytics.performance.PeriodSummary;
import com.crashanalytics.domain.analytics.performance.ReturnRatios;
import com.crashanalytics.domain.analytics.performance.RoundSeries;
import com.crashanalytics.domain.analytics.performance.RoundTotals;
import com.crashanalytics.domain.analytics.performance.Streaks;
import com.crashanalytics.persistence.common.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Performance in one SQL statement per batch of subjects (bots, strategies, a game/platform) over
 * {@code crash_game_rounds}, following the definitions of {@link PerformanceStats}: the equity curve, peaks and falls
 * by window functions in {@code (round_start_timestamp, id)} order, streaks as runs of WIN/LOSS within a session,
 * returns as sums of P/L / stake over bets. Ratios and percentages are left to the domain.
 */
public class JdbcPerformanceReadModel implements PerformanceReadModel {

    /**
     * Per subject k: totals, return sums, the implied starting capital, the max drawdown (the last row that sets a
     * new record fall is the earliest trough of the largest fall; peak and peak_at never decrease along the curve, so
     * their maxima over the record rows are those of the last one, without sorting) and the current drawdown (the
     * last row).
     * <p>
     * Shaped for speed: {@code ordered} is not materialized, so the curve reads the covering index in
     * {@code (k, round_start_timestamp, id)} order without a sort and carries only the columns it needs; streaks
     * sort by session on their own; the capital looks up each bot's first reported balance through the
     * {@code (bot_id, round_start_timestamp, id)} index instead of a pass over every round.
     */
    private static final String PERFORMANCE = """
            WITH ordered AS NOT MATERIALIZED (
                SELECT %1$s AS k, bot_id, session_id, id, round_start_timestamp AS ts, round_outcome AS outcome,
                       stake_value%7$s AS stake, profit_loss_amount%7$s AS pl,
                       running_balance_after%7$s AS balance, profit_loss_amount AS raw_pl
                FROM crash_game_rounds%8$s
                WHERE %2$s
            ),
            curve AS (
                SELECT k, id, ts, outcome, stake, pl, sum(pl) OVER along AS level
                FROM ordered
                WINDOW along AS (PARTITION BY k ORDER BY ts, id ROWS UNBOUNDED PRECEDING)
            ),
            peaks AS (
                SELECT k, id, ts, outcome, stake, pl, level, greatest(0, max(level) OVER along) AS peak
                FROM curve
                WINDOW along AS (PARTITION BY k ORDER BY ts, id ROWS UNBOUNDED PRECEDING)
            ),
            falls AS (
                SELECT k, ts, outcome, stake, pl, peak, peak - level AS fall,
                       max(CASE WHEN level = peak THEN ts END) OVER along AS peak_at,
                       coalesce(max(peak - level) OVER before, 0) AS worst_before,
                       lead(id) OVER along IS NULL AS last_round
                FROM peaks
                WINDOW along AS (PARTITION BY k ORDER BY ts, id ROWS UNBOUNDED PRECEDING),
                       before AS (PARTITION BY k ORDER BY ts, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
            ),
            totals AS (
                SELECT k,
                       %3$s,
                       count(*) FILTER (WHERE stake > 0) AS bets,
                       coalesce(sum(pl / stake) FILTER (WHERE stake > 0), 0) AS sum_returns,
                       coalesce(sum((pl / stake) * (pl / stake)) FILTER (WHERE stake > 0), 0) AS sum_squares,
                       coalesce(sum(least(pl / stake, 0) * least(pl / stake, 0)) FILTER (WHERE stake > 0), 0) AS sum_shortfalls,
                       min(ts) AS first_at,
                       max(ts) AS last_at,
                       max(fall) AS max_fall,
                       max(peak) FILTER (WHERE fall > worst_before) AS max_fall_peak,
                       max(peak_at) FILTER (WHERE fall > worst_before) AS max_fall_peak_at,
                       max(ts) FILTER (WHERE fall > worst_before) AS max_fall_at,
                       max(fall) FILTER (WHERE last_round) AS current_fall,
                       max(peak) FILTER (WHERE last_round) AS current_peak,
                       max(peak_at) FILTER (WHERE last_round) AS current_peak_at
                FROM falls
                GROUP BY k
            ),
            streaks AS (
                SELECT k, max(length) FILTER (WHERE outcome = 'WIN') AS longest_win,
                          max(length) FILTER (WHERE outcome = 'LOSS') AS longest_loss
                FROM (SELECT k, outcome, count(*) AS length
                      FROM (SELECT k, session_id, outcome,
                                   sum(starts_run) OVER (PARTITION BY k, session_id ORDER BY ts, id ROWS UNBOUNDED PRECEDING) AS run
                            FROM (SELECT k, session_id, outcome, ts, id,
                                         CASE WHEN outcome IS DISTINCT FROM lag(outcome) OVER (PARTITION BY k, session_id ORDER BY ts, id)
                                              THEN 1 ELSE 0 END AS starts_run
                                  FROM ordered
                                  WHERE outcome IN ('WIN', 'LOSS')) AS settled) AS numbered
                      GROUP BY k, session_id, run, outcome) AS runs
                GROUP BY k
            ),
            capital AS (
                SELECT bots.k, CASE WHEN count(*) = count(first.balance) THEN sum(first.balance - first.before) END AS capital
                FROM (SELECT DISTINCT k, bot_id FROM ordered) AS bots
                LEFT JOIN LATERAL (
                    SELECT f.balance,
                           (SELECT sum(o.pl) FROM ordered o
                            WHERE o.k = bots.k AND o.bot_id = bots.bot_id AND (o.ts, o.id) <= (f.ts, f.id)) AS before
                    FROM ordered f
                    WHERE f.k = bots.k AND f.bot_id = bots.bot_id AND f.balance IS NOT NULL
                    ORDER BY f.ts, f.id
                    LIMIT 1
                ) AS first ON true
                GROUP BY bots.k
            )%4$s
            SELECT totals.*, capital.capital, coalesce(streaks.longest_win, 0) AS longest_win,
                   coalesce(streaks.longest_loss, 0) AS longest_loss%5$s
            FROM totals
            JOIN capital USING (k)
            LEFT JOIN streaks USING (k)
            %6$s
            """.replace("%3$s", RoundTotalsSql.AGGREGATES.replace("\n", "\n                       "));

    /**
     * {@link #PERFORMANCE}'s columns for bots over all time, from the rollups instead of the rounds: totals from
     * {@code round_totals_hourly}, the curve's peaks and falls by folding each bot's {@code equity_segments_hourly} in
     * hour order (after {@code equity_start()}, the level 0 the peak never falls below), the longest runs from
     * {@code round_streaks} (changelog 0070). Rounds are read only for an hour or session a late round left dirty
     * (folded here from its rounds) and for the capital (up to each bot's first reported balance).
     */
    private static final String BOTS_ALL_TIME = """
            WITH totals AS (%s),
            ordered AS NOT MATERIALIZED (
                SELECT bot_id AS k, session_id, id, round_start_timestamp AS ts, profit_loss_amount AS pl,
                       profit_loss_amount AS raw_pl
                FROM crash_game_rounds
                WHERE bot_id = ANY(:keys)
            ),
            equity AS (
                SELECT s.bot_id AS k, equity_combine(equity_start(), equity_fold(
                           CASE WHEN NOT s.dirty THEN s.segment
                                ELSE (SELECT equity_fold(equity_round(r.round_start_timestamp, r.id, r.profit_loss_amount)
                                                         ORDER BY r.round_start_timestamp, r.id)
                                      FROM crash_game_rounds r
                                      WHERE r.bot_id = s.bot_id AND r.round_start_timestamp >= s.hour
                                        AND r.round_start_timestamp < s.hour + interval '1 hour') END
                           ORDER BY s.hour)) AS e
                FROM equity_segments_hourly s
                WHERE s.bot_id = ANY(:keys)
                GROUP BY s.bot_id
            ),
            streaks AS (
                SELECT k, max((runs).longest_win) AS longest_win, max((runs).longest_loss) AS longest_loss
                FROM (SELECT s.bot_id AS k,
                             CASE WHEN NOT s.dirty THEN s.runs
                                  ELSE (SELECT streak_fold(streak_round(r.round_start_timestamp, r.id, r.round_outcome)
                                                           ORDER BY r.round_start_timestamp, r.id)
                                        FROM crash_game_rounds r
                                        WHERE r.bot_id = s.bot_id AND r.session_id = s.session_id
                                          AND r.round_outcome IN ('WIN', 'LOSS')) END AS runs
                      FROM round_streaks s
                      WHERE s.bot_id = ANY(:keys)) AS sessions
                GROUP BY k
            ),
            capital AS (
                SELECT bots.k, first.balance - first.before AS capital
                FROM unnest(CAST(:keys AS text[])) AS bots(k)
                JOIN LATERAL (
                    SELECT f.running_balance_after AS balance,
                           (SELECT sum(o.profit_loss_amount) FROM crash_game_rounds o
                            WHERE o.bot_id = bots.k
                              AND (o.round_start_timestamp, o.id) <= (f.round_start_timestamp, f.id)) AS before
                    FROM crash_game_rounds f
                    WHERE f.bot_id = bots.k AND f.running_balance_after IS NOT NULL
                    ORDER BY f.round_start_timestamp, f.id
                    LIMIT 1
                ) AS first ON true
            )%s
            SELECT totals.*, capital.capital, coalesce(streaks.longest_win, 0) AS longest_win,
                   coalesce(streaks.longest_loss, 0) AS longest_loss%s,
                   (e).fall AS max_fall, (e).fall_peak AS max_fall_peak, (e).fall_peak_at AS max_fall_peak_at,
                   (e).fall_ts AS max_fall_at, (e).hi - (e).total AS current_fall, (e).hi AS current_peak,
                   (e).hi_at AS current_peak_at
            FROM totals
            JOIN equity USING (k)
            LEFT JOIN capital USING (k)
            LEFT JOIN streaks USING (k)
            %s
            """;

    private static final String EQUITY_CURVE = """
            SELECT k, period_start, %s,
                   sum(sum(pl)) OVER (PARTITION BY k ORDER BY period_start) AS cumulative_profit_loss,
                   (array_agg(balance ORDER BY ts DESC, id DESC) FILTER (WHERE balance IS NOT NULL))[1] AS closing_balance
            FROM (SELECT %s AS k, date_trunc('%s', round_start_timestamp, 'UTC') AS period_start, id,
                         round_start_timestamp AS ts, round_outcome AS outcome, stake_value AS stake,
                         profit_loss_amount AS pl, running_balance_after AS balance
                  FROM crash_game_rounds
                  WHERE %s) AS rounds
            GROUP BY k, period_start
            ORDER BY k, period_start
            """;

    /**
     * Per-round columns shaped like {@code round_totals_hourly}, for the partial hours at a window's edges; {@code %1$s}
     * follows each money column (see {@link ConversionSql#factor}).
     */
    private static final String ROUND_AS_TOTALS = """
            1 AS rounds,
            (round_outcome = 'WIN')::int AS wins,
            (round_outcome = 'LOSS')::int AS losses,
            (round_outcome = 'SKIP')::int AS skips,
            (round_outcome = 'ERROR')::int AS errors,
            stake_value%1$s AS total_staked,
            profit_loss_amount%1$s AS total_profit_loss,
            CASE WHEN round_outcome = 'WIN' THEN profit_loss_amount%1$s ELSE 0 END AS gross_win,
            CASE WHEN round_outcome = 'LOSS' THEN -profit_loss_amount%1$s ELSE 0 END AS gross_loss,
            CASE WHEN round_outcome = 'WIN' THEN profit_loss_amount%1$s END AS largest_win,
            CASE WHEN round_outcome = 'LOSS' THEN -profit_loss_amount%1$s END AS largest_loss,
            (stake_value > 0)::int AS bets,
            CASE WHEN stake_value > 0 THEN profit_loss_amount / stake_value ELSE 0 END AS sum_returns,
            CASE WHEN stake_value > 0 THEN (profit_loss_amount / stake_value) * (profit_loss_amount / stake_value) ELSE 0 END
                AS sum_squares,
            CASE WHEN stake_value > 0 THEN least(profit_loss_amount / stake_value, 0) * least(profit_loss_amount / stake_value, 0)
                 ELSE 0 END AS sum_shortfalls,
            round_start_timestamp AS first_at,
            round_start_timestamp AS last_at
            """;

    /** The columns of {@code round_totals_hourly} the totals add up; {@code %1$s} follows each money column. */
    private static final String TOTALS_COLUMNS = """
            rounds, wins, losses, skips, errors, total_staked%1$s AS total_staked,
            total_profit_loss%1$s AS total_profit_loss, gross_win%1$s AS gross_win, gross_loss%1$s AS gross_loss,
            largest_win%1$s AS largest_win, largest_loss%1$s AS largest_loss, bets, sum_returns, sum_squares,
            sum_shortfalls, first_at, last_at
            """;

    private static final String SUM_TOTALS = """
            SELECT k, sum(rounds) AS rounds, sum(wins) AS wins, sum(losses) AS losses, sum(skips) AS skips,
                   sum(errors) AS errors, sum(total_staked) AS total_staked, sum(total_profit_loss) AS total_profit_loss,
                   sum(gross_win) AS gross_win, sum(gross_loss) AS gross_loss, max(largest_win) AS largest_win,
                   max(largest_loss) AS largest_loss, sum(bets) AS bets, sum(sum_returns) AS sum_returns,
                   sum(sum_squares) AS sum_squares, sum(sum_shortfalls) AS sum_shortfalls, min(first_at) AS first_at,
                   max(last_at) AS last_at
            FROM (%s) AS parts
            GROUP BY k
            """;

    private static final String STRATEGY_NAMES = """
            WITH RECURSIVE names AS (
                (SELECT strategy_name FROM crash_game_rounds WHERE strategy_name IS NOT NULL ORDER BY strategy_name LIMIT 1)
                UNION ALL
                SELECT (SELECT r.strategy_name FROM crash_game_rounds r
                        WHERE r.strategy_name > names.strategy_name ORDER BY r.strategy_name LIMIT 1)
                FROM names
                WHERE names.strategy_name IS NOT NULL
            )
            SELECT strategy_name FROM names
            WHERE strategy_name IS NOT NULL
              AND EXISTS (SELECT 1 FROM crash_game_rounds WHERE strategy_name = names.strategy_name AND %s)
            ORDER BY strategy_name COLLATE "C"
            """;

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
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM crash_game_rounds WHERE strategy_name = :name)
                            OR EXISTS (SELECT 1 FROM session_logs WHERE strategy_name = :name)
                            OR EXISTS (SELECT 1 FROM bot_vm_registration WHERE strategy_name = :name)
                        """)
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
        return ofTradeTypes.bind(jdbc.sql("""
                        SELECT DISTINCT p.currency COLLATE "C" AS currency FROM game_platform_config p
                        WHERE EXISTS (SELECT 1 FROM round_totals_hourly t
                                      WHERE t.game_name = p.game_name AND t.platform_code = p.platform_code AND %s)
                        ORDER BY 1
                        """.formatted(ofTradeTypes.where())))
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

    private static ReturnRatios returns(ResultSet rs) throws SQLException {
        return ReturnRatios.fromSums(rs.getLong("bets"), RoundTotalsSql.required(rs, "sum_returns"),
                RoundTotalsSql.required(rs, "sum_squares"), RoundTotalsSql.required(rs, "sum_shortfalls"));
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

    /**
     * {@link #PERFORMANCE} for rounds {@code where}, money converted by {@code conversion} (null: as logged);
     * {@code wholeSessions} when they hold every round of their sessions.
     */
    private static String performanceSql(String keyExpression, WindowSql where, @Nullable CurrencyConversion conversion,
                                         boolean withEquity, boolean wholeSessions) {
        return PERFORMANCE.replace("%1$s", keyExpression).replace("%2$s", where.where())
                .replace("%7$s", ConversionSql.factor(conversion)).replace("%8$s", ConversionSql.join(conversion))
                .replace("%4$s", EquityReturnsSql.ctes(withEquity, wholeSessions))
                .replace("%5$s", EquityReturnsSql.columns(withEquity))
                .replace("%6$s", EquityReturnsSql.join(withEquity));
    }

    /** A row of {@link #PERFORMANCE}, its levels standing on {@code capital} (null: unknown). */
    private static PerformanceStats stats(ResultSet rs, @Nullable BigDecimal capital, boolean withEquity)
            throws SQLException {
        RoundTotals totals = RoundTotalsSql.map(rs);
        ReturnRatios returns = returns(rs);
        BigDecimal currentPeak = RoundTotalsSql.required(rs, "current_peak");
        BigDecimal base = level(capital, currentPeak);
        BigDecimal maxFall = RoundTotalsSql.required(rs, "max_fall");
        Drawdown max = maxFall.signum() == 0 ? Drawdown.none(base)
                : Drawdown.of(maxFall, level(capital, RoundTotalsSql.required(rs, "max_fall_peak")),
                        instant(rs, "max_fall_peak_at"), instant(rs, "max_fall_at"));
        BigDecimal currentFall = RoundTotalsSql.required(rs, "current_fall");
        Drawdown current = currentFall.signum() == 0 ? Drawdown.none(base)
                : Drawdown.of(currentFall, base, instant(rs, "current_peak_at"), instant(rs, "last_at"));
        return new PerformanceStats(totals, returns,
                new Streaks(rs.getInt("longest_win"), rs.getInt("longest_loss")),
                capital, max, current, instant(rs, "first_at"), instant(rs, "last_at"),
                withEquity ? EquityReturnsSql.map(rs) : EquityReturns.NONE);
    }

    /** A level of the equity curve in money: C + a cumulative P/L; null when C is unknown. */
    private static @Nullable BigDecimal level(@Nullable BigDecimal capital, BigDecimal cumulative) {
        return capital == null ? null : capital.add(cumulative);
    }
}
