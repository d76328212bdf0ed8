package com.crashanalytics.persistence.analytics;

import static com.crashanalytics.persistence.common.SqlValues.decimal;

import java.math.BigDecimal;
import java.util.Optional;

import com.crashanalytics.domain.analytics.ruin.ObservedStaking;
import com.crashanalytics.domain.analytics.ruin.StakingReadModel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bot's staking from its latest bets, in one statement: the bets come newest first through the
 * {@code (bot_id, round_start_timestamp, id)} index (a bounded read whatever the table's size); each bet after the
 * first of its session is paired with the one before it (its outcome and stake); the most frequent stake is the base
 * and the most frequent target the target (ties: the smaller); after a WIN and after a LOSS, how many next bets went
 * back to the base and the median next ÷ last stake of those that did not. The balance is the latest session's
 * current balance, the RTP that of the platform of the latest bet.
 */
public class JdbcStakingReadModel implements StakingReadModel {

    private static final String OBSERVE = """
            WITH recent AS (
                SELECT session_id, id, round_start_timestamp AS ts, stake_value AS stake, round_outcome AS outcome,
                       coalesce(target_multiplier,
                                CASE WHEN round_outcome = 'WIN' THEN cashout_multiplier END) AS target,
                       game_name, platform_code
                FROM crash_game_rounds
                WHERE bot_id = :botId AND stake_value > 0
                ORDER BY round_start_timestamp DESC, id DESC
                LIMIT :lastBets
            ),
            base AS (
                SELECT count(*) AS bets, mode() WITHIN GROUP (ORDER BY stake) AS base_stake,
                       mode() WITHIN GROUP (ORDER BY target) AS target
                FROM recent
            ),
            steps AS (
                SELECT lag(outcome) OVER along AS before, lag(stake) OVER along AS last_stake, stake
                FROM recent
                WINDOW along AS (PARTITION BY session_id ORDER BY ts, id)
            ),
            changes AS (
                SELECT count(*) FILTER (WHERE before = 'WIN') AS after_win,
                       count(*) FILTER (WHERE before = 'WIN' AND stake = base.base_stake) AS after_win_resets,
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY stake / last_stake)
                           FILTER (WHERE before = 'WIN' AND stake <> base.base_stake) AS after_win_ratio,
                       count(*) FILTER (WHERE before = 'LOSS') AS after_loss,
                       count(*) FILTER (WHERE before = 'LOSS' AND stake = base.base_stake) AS after_loss_resets,
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY stake / last_stake)
                           FILTER (WHERE before = 'LOSS' AND stake <> base.base_stake) AS after_loss_ratio
                FROM steps CROSS JOIN base
            ),
            latest AS (
                SELECT game_name, platform_code FROM recent ORDER BY ts DESC, id DESC LIMIT 1
            )
            SELECT base.*, changes.*, 1 - p.house_edge_percent / 100 AS rtp,
                   (SELECT s.current_balance FROM session_logs s WHERE s.bot_id = :botId
                    ORDER BY s.start_time DESC, s.id DESC LIMIT 1) AS balance
            FROM base CROSS JOIN changes CROSS JOIN latest
            JOIN game_platform_config p ON p.game_name = latest.game_name AND p.platform_code = latest.platform_code
            """;

    private final JdbcClient jdbc;

    public JdbcStakingReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ObservedStaking> observe(String botId, int lastBets) {
        return jdbc.sql(OBSERVE)
                .param("botId", botId)
                .param("lastBets", lastBets)
                .query((rs, row) -> new ObservedStaking(decimal(rs, "balance"), RoundTotalsSql.required(rs, "rtp"),
                        rs.getLong("bets"), RoundTotalsSql.required(rs, "base_stake"), decimal(rs, "target"),
                        rs.getLong("after_win"), rs.getLong("after_win_resets"), ratio(decimal(rs, "after_win_ratio")),
                        rs.getLong("after_loss"), rs.getLong("after_loss_resets"),
                        ratio(decimal(rs, "after_loss_ratio"))))
                .optional();
    }

    /** A median stake ratio; 1 when no bet moved off the base stake. */
    private static BigDecimal ratio(@Nullable BigDecimal median) {
        return median == null ? BigDecimal.ONE : median;
    }
}
