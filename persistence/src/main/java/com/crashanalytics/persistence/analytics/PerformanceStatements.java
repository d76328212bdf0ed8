package com.crashanalytics.persistence.analytics;

import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.jspecify.annotations.Nullable;

/**
 * The statements of {@link JdbcPerformanceReadModel}: performance per batch of subjects over the rounds (or, for bots
 * over all time, over the rollups), the order-independent totals from {@code round_totals_hourly} and the rounds at a
 * window's edges, the equity curve per period, and the strategies' names. Their rows are read by
 * {@link PerformanceRows}.
 */
final class PerformanceStatements {

    /**
     * The starting capital per subject k implied by its bots' reported balances: per bot, its first reported balance
     * less its P/L up to and including that round, summed over the bots (null when a bot reported none).
     * {@code {bots}} is the subject's bots, rows of (k, bot_id); the rounds are the statement's {@code ordered}.
     */
    private static final String CAPITAL = """

                SELECT bots.k, CASE WHEN count(*) = count(first.balance) THEN sum(first.balance - first.before) END AS capital
                FROM {bots} AS bots
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
            """;

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
    static final String PERFORMANCE = """
            WITH ordered AS NOT MATERIALIZED (
                SELECT {key} AS k, bot_id, session_id, id, round_start_timestamp AS ts, round_outcome AS outcome,
                       stake_value{factor} AS stake, profit_loss_amount{factor} AS pl,
                       running_balance_after{factor} AS balance, profit_loss_amount AS raw_pl
                FROM crash_game_rounds {rates}
                WHERE {where}
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
                       {aggregates},
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
            capital AS ({capital}){equityCtes}
            SELECT totals.*, capital.capital, coalesce(streaks.longest_win, 0) AS longest_win,
                   coalesce(streaks.longest_loss, 0) AS longest_loss{equityColumns}
            FROM totals
            JOIN capital USING (k)
            LEFT JOIN streaks USING (k)
            {equityJoin}
            """;

    /**
     * {@link #PERFORMANCE}'s max drawdown per subject k and nothing else: the same curve, peaks and falls (so the same
     * fall, peak, peak time and trough), and the same implied capital; no streaks (their sort by session), no returns,
     * no current drawdown. The bots whose first reported balances set the capital are collected by the same walk (each
     * bot where the curve passes to it from another, so no sort by bot), not by another pass over the rounds. The
     * totals that go with it come from the hourly rollup ({@link #SUM_TOTALS}).
     */
    static final String MAX_DRAWDOWN = """
            WITH ordered AS NOT MATERIALIZED (
                SELECT {key} AS k, bot_id, id, round_start_timestamp AS ts, profit_loss_amount{factor} AS pl,
                       running_balance_after{factor} AS balance
                FROM crash_game_rounds {rates}
                WHERE {where}
            ),
            peaks AS (
                SELECT k, bot_id, id, ts, level, greatest(0, max(level) OVER along) AS peak
                FROM (SELECT k, bot_id, id, ts, sum(pl) OVER along AS level
                      FROM ordered
                      WINDOW along AS (PARTITION BY k ORDER BY ts, id ROWS UNBOUNDED PRECEDING)) AS curve
                WINDOW along AS (PARTITION BY k ORDER BY ts, id ROWS UNBOUNDED PRECEDING)
            ),
            falls AS (
                SELECT k, bot_id, ts, peak, peak - level AS fall,
                       bot_id IS DISTINCT FROM lag(bot_id) OVER along AS bot_changes,
                       max(CASE WHEN level = peak THEN ts END) OVER along AS peak_at,
                       coalesce(max(peak - level) OVER before, 0) AS worst_before
                FROM peaks
                WINDOW along AS (PARTITION BY k ORDER BY ts, id ROWS UNBOUNDED PRECEDING),
                       before AS (PARTITION BY k ORDER BY ts, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
            ),
            worst AS (
                SELECT k,
                       max(fall) AS max_fall,
                       max(peak) FILTER (WHERE fall > worst_before) AS max_fall_peak,
                       max(peak_at) FILTER (WHERE fall > worst_before) AS max_fall_peak_at,
                       max(ts) FILTER (WHERE fall > worst_before) AS max_fall_at,
                       max(peak) AS current_peak,
                       array_agg(bot_id) FILTER (WHERE bot_changes) AS bots
                FROM falls
                GROUP BY k
            ),
            capital AS ({capital})
            SELECT worst.k, worst.max_fall, worst.max_fall_peak, worst.max_fall_peak_at, worst.max_fall_at,
                   worst.current_peak, capital.capital
            FROM worst
            JOIN capital USING (k)
            """;

    /**
     * {@link #PERFORMANCE}'s columns for bots over all time, from the rollups instead of the rounds: totals from
     * {@code round_totals_hourly}, the curve's peaks and falls by folding each bot's {@code equity_segments_hourly} in
     * hour order (after {@code equity_start()}, the level 0 the peak never falls below), the longest runs from
     * {@code round_streaks} (changelog 0070). Rounds are read only for an hour or session a late round left dirty
     * (folded here from its rounds) and for the capital (up to each bot's first reported balance).
     */
    static final String BOTS_ALL_TIME = """
            WITH totals AS ({totals}),
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
            ){equityCtes}
            SELECT totals.*, capital.capital, coalesce(streaks.longest_win, 0) AS longest_win,
                   coalesce(streaks.longest_loss, 0) AS longest_loss{equityColumns}, {drawdownColumns}
            FROM totals
            JOIN equity USING (k)
            LEFT JOIN capital USING (k)
            LEFT JOIN streaks USING (k)
            {equityJoin}
            """;

    /**
     * {@link #PERFORMANCE}'s columns for strategies in a scope without a conversion (issue 14), from the rollups: totals
     * from {@code round_totals_hourly} ({@code {totals}}, whole hours and the window's edges); the curve by folding
     * each strategy's {@code strategy_equity_segments_hourly} in hour order after {@code equity_start()}, the level 0
     * the window's curve starts from; the longest runs from {@code strategy_streaks} (changelog 0420).
     * <p>
     * A segment holds every round of its strategy's hour, so it stands for the hour only when the hour lies wholly in
     * the window ({@code :windowStart}, {@code :windowEnd}) and the rollup counts as many of its rounds in scope
     * ({@code {scope}}: game, platform, currency, trade type); any other hour with rounds in scope (an edge of the
     * window, an hour with rounds out of scope, one a late round left dirty) is folded here from its rounds in scope
     * ({@code {scope}} and {@code {rounds}}, the window). A session's runs stand for it when it lies in the window and
     * was played on one (bot, game, platform) in scope; other sessions in the window are folded from their rounds.
     * Rounds are otherwise read only for the capital: per bot of the strategy, its first reported balance in scope less
     * its P/L in scope up to it, summed over the bots with rounds (null when one reported none), as {@link #CAPITAL}.
     */
    static final String STRATEGIES_FROM_SEGMENTS = """
            WITH totals AS ({totals}),
            in_scope AS (
                SELECT strategy_name AS k, hour, sum(rounds) AS rounds
                FROM round_totals_hourly
                WHERE strategy_name = ANY(CAST(:keys AS text[])) AND {scope} AND {hours}
                GROUP BY 1, 2
            ),
            equity AS (
                SELECT s.strategy_name AS k, equity_combine(equity_start(), equity_fold(
                           CASE WHEN NOT s.dirty AND (s.segment).rounds = i.rounds
                                     AND s.hour >= CAST(CAST(:windowStart AS text) AS timestamptz)
                                     AND s.hour + interval '1 hour' <= CAST(CAST(:windowEnd AS text) AS timestamptz)
                                THEN s.segment
                                ELSE (SELECT equity_fold(equity_round(r.round_start_timestamp, r.id, r.profit_loss_amount)
                                                         ORDER BY r.round_start_timestamp, r.id)
                                      FROM crash_game_rounds r
                                      WHERE r.strategy_name = s.strategy_name AND r.round_start_timestamp >= s.hour
                                        AND r.round_start_timestamp < s.hour + interval '1 hour'
                                        AND {scope} AND {rounds}) END
                           ORDER BY s.hour)) AS e
                FROM strategy_equity_segments_hourly s
                JOIN in_scope i ON i.k = s.strategy_name AND i.hour = s.hour
                GROUP BY s.strategy_name
            ),
            streaks AS (
                SELECT k, max((runs).longest_win) AS longest_win, max((runs).longest_loss) AS longest_loss
                FROM (SELECT s.strategy_name AS k,
                             CASE WHEN s.uniform AND NOT s.dirty
                                       AND (s.runs).first_ts >= CAST(CAST(:windowStart AS text) AS timestamptz)
                                       AND (s.runs).last_ts < CAST(CAST(:windowEnd AS text) AS timestamptz)
                                  THEN s.runs
                                  ELSE (SELECT streak_fold(streak_round(r.round_start_timestamp, r.id, r.round_outcome)
                                                           ORDER BY r.round_start_timestamp, r.id)
                                        FROM crash_game_rounds r
                                        WHERE r.strategy_name = s.strategy_name AND r.session_id = s.session_id
                                          AND r.round_outcome IN ('WIN', 'LOSS') AND {scope} AND {rounds}) END AS runs
                      FROM strategy_streaks s
                      WHERE s.strategy_name = ANY(CAST(:keys AS text[])) AND (NOT s.uniform OR s.dirty OR ({scope}))
                        AND (s.dirty OR ((s.runs).last_ts >= CAST(CAST(:windowStart AS text) AS timestamptz)
                                         AND (s.runs).first_ts < CAST(CAST(:windowEnd AS text) AS timestamptz)))
                     ) AS sessions
                GROUP BY k
            ),
            capital AS (
                SELECT bots.k,
                       CASE WHEN count(first.played) = count(first.balance) THEN sum(first.balance - first.before) END AS capital
                FROM (SELECT DISTINCT strategy_name AS k, bot_id FROM round_totals_hourly
                      WHERE strategy_name = ANY(CAST(:keys AS text[])) AND {scope} AND {hours}) AS bots
                LEFT JOIN LATERAL (
                    -- The bot's first round in scope, not EXISTS: ordered by (start, id), PostgreSQL reads it from the
                    -- bot's index at once; as EXISTS it chose the strategy's index and filtered every other bot's rounds
                    -- (13 ms per bot at 1M rounds, 540 of the statement's 580 ms).
                    SELECT coalesce((SELECT true FROM crash_game_rounds p
                                     WHERE p.bot_id = bots.bot_id AND p.strategy_name = bots.k AND {scope} AND {rounds}
                                     ORDER BY p.round_start_timestamp, p.id LIMIT 1), false) AS played,
                           f.running_balance_after AS balance,
                           (SELECT sum(o.profit_loss_amount) FROM crash_game_rounds o
                            WHERE o.bot_id = bots.bot_id AND o.strategy_name = bots.k AND {scope} AND {rounds}
                              AND (o.round_start_timestamp, o.id) <= (f.round_start_timestamp, f.id)) AS before
                    FROM (SELECT 1) AS one
                    LEFT JOIN LATERAL (
                        SELECT f.running_balance_after, f.round_start_timestamp, f.id FROM crash_game_rounds f
                        WHERE f.bot_id = bots.bot_id AND f.strategy_name = bots.k AND {scope} AND {rounds}
                          AND f.running_balance_after IS NOT NULL
                        ORDER BY f.round_start_timestamp, f.id
                        LIMIT 1
                    ) AS f ON true
                ) AS first ON first.played
                GROUP BY bots.k
            )
            SELECT totals.*, capital.capital, coalesce(streaks.longest_win, 0) AS longest_win,
                   coalesce(streaks.longest_loss, 0) AS longest_loss, {drawdownColumns}
            FROM totals
            JOIN equity USING (k)
            LEFT JOIN capital USING (k)
            LEFT JOIN streaks USING (k)
            """;

    /**
     * {@link #PERFORMANCE}'s drawdown columns from a whole curve folded into the equity_segment {@code e} (after
     * {@code equity_start()}): its largest fall, and the fall of its last level below its highest.
     */
    static final String FOLDED_DRAWDOWN_COLUMNS = """
            (e).fall AS max_fall, (e).fall_peak AS max_fall_peak, (e).fall_peak_at AS max_fall_peak_at,
                   (e).fall_ts AS max_fall_at, (e).hi - (e).total AS current_fall, (e).hi AS current_peak,
                   (e).hi_at AS current_peak_at""";

    static final String EQUITY_CURVE = """
            SELECT k, period_start, {aggregates},
                   sum(sum(pl)) OVER (PARTITION BY k ORDER BY period_start) AS cumulative_profit_loss,
                   (array_agg(balance ORDER BY ts DESC, id DESC) FILTER (WHERE balance IS NOT NULL))[1] AS closing_balance
            FROM (SELECT {key} AS k, date_trunc('{period}', round_start_timestamp, 'UTC') AS period_start, id,
                         round_start_timestamp AS ts, round_outcome AS outcome, stake_value AS stake,
                         profit_loss_amount AS pl, running_balance_after AS balance
                  FROM crash_game_rounds
                  WHERE {where}) AS rounds
            GROUP BY k, period_start
            ORDER BY k, period_start
            """;

    /**
     * {@link #EQUITY_CURVE} of bots over all time from {@code round_totals_hourly} (issue 14: the rounds statement sorts
     * every round of the bot, ~330 ms at 1,000,000 rounds; this reads ~250 hourly rows and one index look-up per
     * period, ~1 ms). The hour of each bot's earliest remaining round is counted from its rounds, later hours from the
     * rollup: retention keeps the rollup's retired hours (changelog 0200), and the curve, like the rounds statement,
     * starts where the bot's rounds start. A period's closing balance is the newest reported balance before the next
     * period that has rounds (every round is in the rollup, so none lies in a period between).
     */
    static final String EQUITY_CURVE_OF_BOTS_ALL_TIME = """
            WITH firsts AS (
                SELECT bots.k, (SELECT r.round_start_timestamp FROM crash_game_rounds r WHERE r.bot_id = bots.k
                                ORDER BY r.round_start_timestamp, r.id LIMIT 1) AS earliest
                FROM unnest(CAST(:keys AS text[])) AS bots(k)
            ),
            hours AS (
                SELECT t.bot_id AS k, t.hour AS ts, {totalsColumns}
                FROM round_totals_hourly t
                JOIN firsts f ON t.bot_id = f.k AND t.hour >= date_trunc('hour', f.earliest, 'UTC') + interval '1 hour'
                UNION ALL
                SELECT r.bot_id AS k, r.round_start_timestamp AS ts, {roundAsTotals}
                FROM crash_game_rounds r
                JOIN firsts f ON r.bot_id = f.k AND r.round_start_timestamp >= f.earliest
                                 AND r.round_start_timestamp < date_trunc('hour', f.earliest, 'UTC') + interval '1 hour'
            ),
            periods AS (
                SELECT k, date_trunc('{period}', ts, 'UTC') AS period_start, {sums}
                FROM hours
                GROUP BY 1, 2
            ),
            bounded AS (
                SELECT periods.*, sum(total_profit_loss) OVER (PARTITION BY k ORDER BY period_start) AS cumulative_profit_loss,
                       lead(period_start) OVER (PARTITION BY k ORDER BY period_start) AS next_start
                FROM periods
            )
            SELECT bounded.*,
                   (SELECT r.running_balance_after FROM crash_game_rounds r
                    WHERE r.bot_id = bounded.k AND r.round_start_timestamp >= bounded.period_start
                      AND r.round_start_timestamp < coalesce(bounded.next_start, 'infinity')
                      AND r.running_balance_after IS NOT NULL
                    ORDER BY r.round_start_timestamp DESC, r.id DESC
                    LIMIT 1) AS closing_balance
            FROM bounded
            ORDER BY k, period_start
            """;

    /**
     * Per-round columns shaped like {@code round_totals_hourly}, for the partial hours at a window's edges; {@code {factor}}
     * follows each money column (see {@link ConversionSql#factor}).
     */
    static final String ROUND_AS_TOTALS = """
            1 AS rounds,
            (round_outcome = 'WIN')::int AS wins,
            (round_outcome = 'LOSS')::int AS losses,
            (round_outcome = 'SKIP')::int AS skips,
            (round_outcome = 'ERROR')::int AS errors,
            stake_value{factor} AS total_staked,
            profit_loss_amount{factor} AS total_profit_loss,
            CASE WHEN round_outcome = 'WIN' THEN profit_loss_amount{factor} ELSE 0 END AS gross_win,
            CASE WHEN round_outcome = 'LOSS' THEN -profit_loss_amount{factor} ELSE 0 END AS gross_loss,
            CASE WHEN round_outcome = 'WIN' THEN profit_loss_amount{factor} END AS largest_win,
            CASE WHEN round_outcome = 'LOSS' THEN -profit_loss_amount{factor} END AS largest_loss,
            (stake_value > 0)::int AS bets,
            CASE WHEN stake_value > 0 THEN profit_loss_amount / stake_value ELSE 0 END AS sum_returns,
            CASE WHEN stake_value > 0 THEN (profit_loss_amount / stake_value) * (profit_loss_amount / stake_value) ELSE 0 END
                AS sum_squares,
            CASE WHEN stake_value > 0 THEN least(profit_loss_amount / stake_value, 0) * least(profit_loss_amount / stake_value, 0)
                 ELSE 0 END AS sum_shortfalls,
            round_start_timestamp AS first_at,
            round_start_timestamp AS last_at
            """;

    /** The columns of {@code round_totals_hourly} the totals add up; {@code {factor}} follows each money column. */
    static final String TOTALS_COLUMNS = """
            rounds, wins, losses, skips, errors, total_staked{factor} AS total_staked,
            total_profit_loss{factor} AS total_profit_loss, gross_win{factor} AS gross_win, gross_loss{factor} AS gross_loss,
            largest_win{factor} AS largest_win, largest_loss{factor} AS largest_loss, bets, sum_returns, sum_squares,
            sum_shortfalls, first_at, last_at
            """;

    /** {@link #TOTALS_COLUMNS} (or {@link #ROUND_AS_TOTALS}) rows added up, as select items of a grouping. */
    static final String TOTALS_SUMS = """
            sum(rounds) AS rounds, sum(wins) AS wins, sum(losses) AS losses, sum(skips) AS skips,
                   sum(errors) AS errors, sum(total_staked) AS total_staked, sum(total_profit_loss) AS total_profit_loss,
                   sum(gross_win) AS gross_win, sum(gross_loss) AS gross_loss, max(largest_win) AS largest_win,
                   max(largest_loss) AS largest_loss, sum(bets) AS bets, sum(sum_returns) AS sum_returns,
                   sum(sum_squares) AS sum_squares, sum(sum_shortfalls) AS sum_shortfalls, min(first_at) AS first_at,
                   max(last_at) AS last_at""";

    private static final String SUM_TOTALS = """
            SELECT k, {sums}
            FROM ({parts}) AS parts
            GROUP BY k
            """;

    /**
     * The strategies with a round in scope {@code {where}}: the distinct names by a skip scan of the strategy index
     * (one index probe per name), then one probe per name for a round in scope. The probe is a LATERAL subquery with
     * LIMIT 1 on purpose: written as {@code EXISTS}, PostgreSQL turns it into a semi-join that hashes every round in
     * scope (with the default trade-type filter, all 1,000,000 rounds: 970 ms at 1M), where a probe per name stops at
     * the first round it finds (issue 14).
     */
    static final String STRATEGY_NAMES = """
            WITH RECURSIVE names AS (
                (SELECT strategy_name FROM crash_game_rounds WHERE strategy_name IS NOT NULL ORDER BY strategy_name LIMIT 1)
                UNION ALL
                SELECT (SELECT r.strategy_name FROM crash_game_rounds r
                        WHERE r.strategy_name > names.strategy_name ORDER BY r.strategy_name LIMIT 1)
                FROM names
                WHERE names.strategy_name IS NOT NULL
            )
            SELECT names.strategy_name FROM names
            CROSS JOIN LATERAL (SELECT 1 FROM crash_game_rounds
                                WHERE strategy_name = names.strategy_name AND {where}
                                LIMIT 1) AS played
            WHERE names.strategy_name IS NOT NULL
            ORDER BY names.strategy_name COLLATE "C"
            """;

    static final String STRATEGY_EXISTS = """
            SELECT EXISTS (SELECT 1 FROM crash_game_rounds WHERE strategy_name = :name)
                OR EXISTS (SELECT 1 FROM session_logs WHERE strategy_name = :name)
                OR EXISTS (SELECT 1 FROM bot_vm_registration WHERE strategy_name = :name)
            """;

    static final String CURRENCIES_WITH_ROUNDS = """
            SELECT DISTINCT p.currency COLLATE "C" AS currency FROM game_platform_config p
            WHERE EXISTS (SELECT 1 FROM round_totals_hourly t
                          WHERE t.game_name = p.game_name AND t.platform_code = p.platform_code AND {where})
            ORDER BY 1
            """;

    private PerformanceStatements() {
    }

    /**
     * {@link #PERFORMANCE} for rounds {@code where}, money converted by {@code conversion} (null: as logged);
     * {@code wholeSessions} when they hold every round of their sessions.
     */
    static String performanceSql(String keyExpression, SqlConditions where, @Nullable CurrencyConversion conversion,
                                         boolean withEquity, boolean wholeSessions) {
        return SqlTemplate.sql(PERFORMANCE).with("key", keyExpression).with("where", where.sql())
                .with("factor", ConversionSql.factor(conversion)).with("rates", ConversionSql.join(conversion))
                .with("aggregates", RoundTotalsSql.AGGREGATES)
                .with("capital", capitalOf("(SELECT DISTINCT k, bot_id FROM ordered)"))
                .with("equityCtes", EquityReturnsSql.ctes(withEquity, wholeSessions))
                .with("equityColumns", EquityReturnsSql.columns(withEquity))
                .with("equityJoin", EquityReturnsSql.join(withEquity))
                .text();
    }

    /** {@link #SUM_TOTALS} over the rows of {@code parts} (shaped as {@link #TOTALS_COLUMNS}), per subject k. */
    static String sumTotals(String parts) {
        return SqlTemplate.sql(SUM_TOTALS).with("sums", TOTALS_SUMS).with("parts", parts).text();
    }

    /** {@link #MAX_DRAWDOWN} for rounds {@code where}, money converted by {@code conversion} (null: as logged). */
    static String maxDrawdownSql(String keyExpression, SqlConditions where, @Nullable CurrencyConversion conversion) {
        return SqlTemplate.sql(MAX_DRAWDOWN).with("key", keyExpression).with("where", where.sql())
                .with("factor", ConversionSql.factor(conversion)).with("rates", ConversionSql.join(conversion))
                .with("capital", capitalOf(
                        "(SELECT DISTINCT worst.k, played.bot_id FROM worst, unnest(worst.bots) AS played(bot_id))"))
                .text();
    }

    /** {@link #CAPITAL} of the subjects' bots {@code bots}, a relation of (k, bot_id). */
    private static String capitalOf(String bots) {
        return SqlTemplate.sql(CAPITAL).with("bots", bots).text();
    }
}
