package com.crashanalytics.persistence.round;

import java.util.List;
import java.util.UUID;

import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundAnalytics;
import com.crashanalytics.persistence.common.Batches.Batch;
import com.crashanalytics.persistence.common.Batches;
import com.crashanalytics.persistence.common.RowAuthors;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.jspecify.annotations.Nullable;

/**
 * A round's derived row in {@code analytics_round_outcomes} (outcome category, streaks, balance, buckets): its insert,
 * written with the round, and its restatement when a late round changes the rounds after it. Read with the round
 * ({@link RoundRows#READ_COLUMNS}).
 */
final class OutcomeRows {

    static final String OUTCOME_COLUMNS = """
            id, round_id, round_number, bot_id, session_id, game_name, platform_code, strategy_name, outcome,
            stake_value, profit_loss, roi_percent, balance_after, target_multiplier, actual_multiplier, crash_multiplier,
            hit_target, multiplier_error, outcome_category, win_streak_length, loss_streak_length, "timestamp",
            date_bucket, hour_bucket
            """;
    static final String INSERT_OUTCOME = SqlTemplate.sql("""
            INSERT INTO analytics_round_outcomes ({columns}{writtenBy})
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .with("columns", OUTCOME_COLUMNS).with("writtenBy", RoundRows.WRITTEN_BY).text();

    private OutcomeRows() {
    }

    static Batch<Round> inserts(List<Round> rounds, RowAuthors writtenBy) {
        return Batches.of(INSERT_OUTCOME, rounds, (parameters, round) -> {
            RoundAnalytics analytics = round.requiredAnalytics();
            parameters
                    .uuid(analytics.id())
                    .uuid(round.id())
                    .integer(round.roundNumber())
                    .text(round.botId())
                    .text(round.sessionId())
                    .text(round.gameName())
                    .text(round.platformCode())
                    .text(round.strategyName())
                    .text(round.roundOutcome().name())
                    .decimal(round.stakeValue())
                    .decimal(round.profitLoss())
                    .decimal(round.roiPercent())
                    .decimal(analytics.balanceAfter())
                    .decimal(round.targetMultiplier())
                    .decimal(analytics.actualMultiplier())
                    .decimal(round.crashMultiplier())
                    .bool(analytics.hitTarget())
                    .decimal(analytics.multiplierError())
                    .text(analytics.outcomeCategory().code())
                    .integer(analytics.winStreakLength())
                    .integer(analytics.lossStreakLength())
                    .time(analytics.timestamp())
                    .date(analytics.dateBucket())
                    .time(analytics.hourBucket())
                    .uuid(writtenBy.ofRound(round.id()));
        });
    }

    /** ...and their analytics' streaks, category and balance. */
    static Batch<Round> restated(List<Round> rounds) {
        return Batches.of("""
                UPDATE analytics_round_outcomes
                SET outcome_category = ?, win_streak_length = ?, loss_streak_length = ?, balance_after = ?
                WHERE round_id = ?
                """, rounds, (parameters, round) -> {
            RoundAnalytics analytics = round.requiredAnalytics();
            parameters
                    .text(analytics.outcomeCategory().code())
                    .integer(analytics.winStreakLength())
                    .integer(analytics.lossStreakLength())
                    .decimal(analytics.balanceAfter())
                    .uuid(round.id());
        });
    }
}
