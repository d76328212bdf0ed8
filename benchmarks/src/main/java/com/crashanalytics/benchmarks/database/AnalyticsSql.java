package com.crashanalytics.benchmarks.database;

/**
 * The analytics computed by hand with one SQL statement each, straight over {@code crash_game_rounds} (no rollups),
 * as someone with psql and no gateway would: the baselines of the analytics benchmarks. Each answers JSON with
 * {@code check}, the figures the gateway's answer must agree with, and {@code figures}, the rest of what the same
 * aggregate needs (so the database does the same work, not less).
 */
public final class AnalyticsSql {

    /** The USD → EUR rate the conversion queries run at (set in the gateway's exchange_rates by the analytics phase). */
    public static final String USD_TO_EUR = "0.92";

    /** A bot's totals, equity curve (max drawdown) and longest streaks, in play order. Parameter: the bot id. */
    public static final String BOT_STATISTICS = """
            WITH r AS (
                SELECT round_outcome AS outcome, stake_value AS stake, profit_loss_amount AS pl, session_id,
                       round_start_timestamp AS ts, id
                FROM crash_game_rounds WHERE bot_id = ?
            ),
            curve AS (
                SELECT ts, id, sum(pl) OVER (ORDER BY ts, id ROWS UNBOUNDED PRECEDING) AS level FROM r
            ),
            falls AS (
                SELECT greatest(0, max(level) OVER (ORDER BY ts, id ROWS UNBOUNDED PRECEDING)) - level AS fall FROM curve
            ),
            runs AS (
                SELECT outcome, count(*) AS length
                FROM (SELECT outcome, session_id,
                             sum(starts) OVER (PARTITION BY session_id ORDER BY ts, id ROWS UNBOUNDED PRECEDING) AS run
                      FROM (SELECT outcome, session_id, ts, id,
                                   CASE WHEN outcome IS DISTINCT FROM lag(outcome) OVER (PARTITION BY session_id ORDER BY ts, id)
                                        THEN 1 ELSE 0 END AS starts
                            FROM r WHERE outcome IN ('WIN', 'LOSS')) AS settled) AS numbered
                GROUP BY outcome, session_id, run
            ),
            totals AS (
                SELECT count(*) AS rounds, count(*) FILTER (WHERE outcome = 'WIN') AS wins,
                       count(*) FILTER (WHERE outcome = 'LOSS') AS losses, coalesce(sum(stake), 0) AS staked,
                       coalesce(sum(pl), 0) AS pl,
                       coalesce(sum(pl) FILTER (WHERE outcome = 'WIN'), 0) AS gross_win,
                       coalesce(-sum(pl) FILTER (WHERE outcome = 'LOSS'), 0) AS gross_loss,
                       coalesce(sum(pl / stake) FILTER (WHERE stake > 0), 0) AS sum_returns,
                       coalesce(sum((pl / stake) * (pl / stake)) FILTER (WHERE stake > 0), 0) AS sum_squares
                FROM r
            )
            SELECT json_build_object(
                'check', json_build_object(
                    'rounds', t.rounds, 'wins', t.wins, 'losses', t.losses, 'totalProfitLoss', t.pl,
                    'longestWinStreak', coalesce((SELECT max(length) FROM runs WHERE outcome = 'WIN'), 0),
                    'longestLossStreak', coalesce((SELECT max(length) FROM runs WHERE outcome = 'LOSS'), 0),
                    'maxDrawdown', json_build_object('amount', coalesce((SELECT max(fall) FROM falls), 0))),
                'figures', json_build_object('staked', t.staked, 'grossWin', t.gross_win, 'grossLoss', t.gross_loss,
                    'sumReturns', t.sum_returns, 'sumSquares', t.sum_squares))::text
            FROM totals t
            """;

    /** Every strategy's totals and return sums, in name order. */
    public static final String STRATEGIES = """
            SELECT json_build_object(
                'check', coalesce(json_agg(json_build_object('name', strategy_name,
                    'performance', json_build_object('rounds', rounds, 'wins', wins, 'totalProfitLoss', pl))
                    ORDER BY strategy_name COLLATE "C"), '[]'::json),
                'figures', coalesce(json_agg(json_build_object('staked', staked, 'grossWin', gross_win,
                    'grossLoss', gross_loss, 'sumReturns', sum_returns, 'sumSquares', sum_squares)
                    ORDER BY strategy_name COLLATE "C"), '[]'::json))::text
            FROM (SELECT strategy_name, count(*) AS rounds, count(*) FILTER (WHERE round_outcome = 'WIN') AS wins,
                         sum(stake_value) AS staked, sum(profit_loss_amount) AS pl,
                         coalesce(sum(profit_loss_amount) FILTER (WHERE round_outcome = 'WIN'), 0) AS gross_win,
                         coalesce(-sum(profit_loss_amount) FILTER (WHERE round_outcome = 'LOSS'), 0) AS gross_loss,
                         coalesce(sum(profit_loss_amount / stake_value) FILTER (WHERE stake_value > 0), 0) AS sum_returns,
                         coalesce(sum((profit_loss_amount / stake_value) * (profit_loss_amount / stake_value))
                                  FILTER (WHERE stake_value > 0), 0) AS sum_squares
                  FROM crash_game_rounds WHERE strategy_name IS NOT NULL
                  GROUP BY strategy_name) AS s
            """;

    /** The game rounds of one game and platform, each counted once by its earliest observation. */
    private static final String GAME_ROUNDS = """
            g AS (
                SELECT DISTINCT ON (round_external_id) crash_multiplier_detected AS crash, round_start_timestamp AS ts, id
                FROM crash_game_rounds
                WHERE game_name = ? AND platform_code = ? AND crash_multiplier_detected IS NOT NULL
                ORDER BY round_external_id, round_start_timestamp, id
            )""";

    /** Crash multipliers in the default buckets, percentiles, mean. Parameters: game, platform. */
    public static final String MULTIPLIER_DISTRIBUTION = "WITH " + GAME_ROUNDS + """
            ,
            b AS (
                SELECT width_bucket(crash, ARRAY[1.01, 1.5, 2, 3, 5, 10, 20, 50, 100]::numeric[]) AS bucket, count(*) AS n
                FROM g GROUP BY 1
            )
            SELECT json_build_object(
                'check', json_build_object('rounds', (SELECT count(*) FROM g),
                    'buckets', (SELECT json_agg(json_build_object('count', coalesce(b.n, 0)) ORDER BY i)
                                FROM generate_series(0, 9) AS i LEFT JOIN b ON b.bucket = i)),
                'figures', json_build_object(
                    'percentiles', (SELECT percentile_disc(ARRAY[0.25, 0.5, 0.75, 0.9, 0.95, 0.99])
                                    WITHIN GROUP (ORDER BY crash) FROM g),
                    'mean', (SELECT avg(crash) FROM g),
                    'instantCrashes', (SELECT count(*) FROM g WHERE crash < 1.01)))::text
            """;

    /** Gaps between game rounds that reached 10x, in play order. Parameters: game, platform. */
    public static final String STREAKS = "WITH " + GAME_ROUNDS + """
            ,
            p AS (SELECT crash >= 10 AS hit, row_number() OVER (ORDER BY ts, id) - 1 AS position FROM g),
            h AS (SELECT position, position - lag(position) OVER (ORDER BY position) AS gap FROM p WHERE hit)
            SELECT json_build_object(
                'check', json_build_object(
                    'rounds', (SELECT count(*) FROM p),
                    'hits', (SELECT count(*) FROM h),
                    'longestGap', (SELECT max(gap) FROM h),
                    'currentGap', (SELECT count(*) FROM p) - 1 - coalesce((SELECT max(position) FROM h), -1)),
                'figures', json_build_object('gaps', (SELECT json_agg(json_build_object('gap', gap, 'count', n) ORDER BY gap)
                    FROM (SELECT gap, count(*) AS n FROM h WHERE gap IS NOT NULL GROUP BY gap) AS x)))::text
            """;

    /**
     * Luck or edge of a bot: its bets and the mean and spread of their returns per unit, against the bets-weighted
     * RTP − 1. The bet count is checked; the mean and deviation are the same work. Parameter: the bot id.
     */
    public static final String LUCK_OR_EDGE = """
            SELECT json_build_object(
                'check', json_build_object('bets', count(*)),
                'figures', json_build_object('mean', avg(r.profit_loss_amount / r.stake_value),
                                             'deviation', stddev_samp(r.profit_loss_amount / r.stake_value),
                                             'houseEdge', avg(-p.house_edge_percent / 100)))::text
            FROM crash_game_rounds r
            JOIN game_platform_config p ON p.game_name = r.game_name AND p.platform_code = r.platform_code
            WHERE r.bot_id = ? AND r.stake_value > 0
            """;

    /**
     * A game's totals converted into EUR at {@link #USD_TO_EUR} (every generated platform is in USD, the default), the
     * rate written as a constant. Parameter: the game.
     */
    public static final String GAME_STATISTICS_IN_EUR = """
            SELECT json_build_object(
                'check', json_build_object('rounds', count(*), 'totalStaked', sum(stake_value) * %1$s,
                                           'totalProfitLoss', sum(profit_loss_amount) * %1$s))::text
            FROM crash_game_rounds
            WHERE game_name = ?
            """.formatted(AnalyticsSql.USD_TO_EUR);

    /**
     * The staking rule's base stake and target as riskOfRuin reads them: the most frequent stake and target of the bot's
     * latest 10,000 bets. Parameter: the bot id.
     */
    public static final String STAKING_RULE = """
            SELECT json_build_object(
                'check', json_build_object('baseStake', mode() WITHIN GROUP (ORDER BY stake),
                                           'target', mode() WITHIN GROUP (ORDER BY target),
                                           'observedBets', count(*)))::text
            FROM (SELECT stake_value AS stake,
                         coalesce(target_multiplier, CASE WHEN round_outcome = 'WIN' THEN cashout_multiplier END) AS target
                  FROM crash_game_rounds
                  WHERE bot_id = ? AND stake_value > 0
                  ORDER BY round_start_timestamp DESC, id DESC
                  LIMIT 10000) AS bets
            """;

    /**
     * Platform integrity of a game and platform: game rounds and rounds reaching 2x per UTC day (the CUSUM's input), and
     * the game rounds watched more than once with how many of them every reading agrees on. Parameters: game,
     * platform, game, platform.
     */
    public static final String PLATFORM_INTEGRITY = "WITH " + GAME_ROUNDS + """
            ,
            o AS (
                SELECT count(*) AS n, max(crash_multiplier_detected) - min(crash_multiplier_detected) AS spread
                FROM crash_game_rounds
                WHERE game_name = ? AND platform_code = ? AND crash_multiplier_detected IS NOT NULL
                  AND round_external_id IS NOT NULL
                GROUP BY round_external_id
            )
            SELECT json_build_object('check', json_build_object(
                'payout', json_build_object('days', (
                    SELECT json_agg(json_build_object('day', day, 'rounds', n, 'hits', hits) ORDER BY day)
                    FROM (SELECT (ts AT TIME ZONE 'UTC')::date AS day, count(*) AS n, count(*) FILTER (WHERE crash >= 2) AS hits
                          FROM g GROUP BY 1) AS d)),
                'ocrAgreement', json_build_object(
                    'watchedRounds', (SELECT count(*) FROM o WHERE n > 1),
                    'agreeingRounds', (SELECT count(*) FROM o WHERE n > 1 AND spread = 0))))::text
            """;

    /**
     * Strategy replay without a live strategy to compare with: the game rounds a replay plays, their crash points in
     * order. Parameters: game, platform.
     */
    public static final String STRATEGY_REPLAY_ONLY = "WITH " + GAME_ROUNDS + """
            SELECT json_build_object(
                'check', json_build_object('replayed', json_build_object('crashPoints', count(*))),
                'figures', json_build_object('points', json_agg(crash ORDER BY ts, id)))::text
            FROM g
            """;

    /**
     * Strategy replay: the game rounds a replay plays (their crash points in order, as the replay reads them) and the
     * live rounds filed under the strategy on the platform. Parameters: game, platform, strategy, game, platform.
     */
    public static final String STRATEGY_REPLAY = "WITH " + GAME_ROUNDS + """
            ,
            crashes AS (SELECT json_agg(crash ORDER BY ts, id) AS points, count(*) AS n FROM g)
            SELECT json_build_object(
                'check', json_build_object(
                    'replayed', json_build_object('crashPoints', (SELECT n FROM crashes)),
                    'live', json_build_object('rounds', count(*), 'profitLoss', sum(profit_loss_amount))),
                'figures', json_build_object('points', (SELECT points FROM crashes)))::text
            FROM crash_game_rounds
            WHERE strategy_name = ? AND game_name = ? AND platform_code = ?
            """;

    private AnalyticsSql() {
    }
}
