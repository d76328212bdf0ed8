package com.crashanalytics.persistence.analytics;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.bot.TradeType;
import com.crashanalytics.domain.analytics.signals.SignalOutcome;
import com.crashanalytics.domain.analytics.signals.SignalReadModel;
import com.crashanalytics.domain.analytics.signals.SignalScore;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signal scores per type and confidence bucket from {@code analytics_round_signals}, with the definitions of
 * {@link SignalScore}: a positive prediction is a confidence ≥ 0.5, a hit is a round that reached the predicted
 * multiplier ({@code actual_multiplier ≥ predicted_multiplier}), the bucket is
 * {@code least(floor(confidence_score * k), k − 1)} (the IEEE product, as the domain computes it).
 * <p>
 * Not {@code signal_correctness} as the hit: that column says whether the signal was right, (confidence ≥ 0.5) ==
 * reached, so a confident miss and an unconfident hit would swap places and the Brier score would compare the
 * confidence with the wrong event. Judged signals ({@code signal_correctness} not null) have both multipliers.
 * <p>
 * Over all time the scores come from {@code signal_score_cells} (changelog 0414: the same sums per type, game,
 * platform, trade type and confidence cell, kept by trigger; a few thousand rows, not every judged signal); a window
 * reads the signals ({@link #SCORES}, through {@code ix_signals_time}), as the cells are not kept per hour.
 */
public class JdbcSignalReadModel implements SignalReadModel {

    private static final String SCORES = """
            SELECT signal_type, least(floor(confidence_score * :buckets)::int, :buckets - 1) AS bucket,
                   count(*) AS signals,
                   count(*) FILTER (WHERE reached) AS hits,
                   count(*) FILTER (WHERE confidence_score >= :positive AND reached) AS true_positives,
                   count(*) FILTER (WHERE confidence_score >= :positive AND NOT reached) AS false_positives,
                   count(*) FILTER (WHERE confidence_score < :positive AND NOT reached) AS true_negatives,
                   count(*) FILTER (WHERE confidence_score < :positive AND reached) AS false_negatives,
                   sum(confidence_score) AS sum_of_confidences,
                   sum((confidence_score - reached::int) * (confidence_score - reached::int)) AS sum_of_squared_errors,
                   sum((least(1, rtp::float8 / target::float8) - reached::int)
                       * (least(1, rtp::float8 / target::float8) - reached::int)) AS sum_of_theoretical_squared_errors,
                   coalesce(sum(CASE WHEN reached THEN target - 1 ELSE -1 END) FILTER (WHERE confidence_score >= :positive), 0)
                       AS profit_when_acting,
                   coalesce(sum(rtp - 1) FILTER (WHERE confidence_score >= :positive), 0) AS sum_of_theoretical_edges
            FROM (SELECT s.signal_type, s.confidence_score, s.actual_multiplier >= s.predicted_multiplier AS reached,
                         s.predicted_multiplier AS target, 1 - p.house_edge_percent / 100 AS rtp
                  FROM analytics_round_signals s
                  JOIN game_platform_config p ON p.game_name = s.game_name AND p.platform_code = s.platform_code
                  WHERE {where}) AS judged
            GROUP BY 1, 2
            """;

    /**
     * {@link #SCORES} over every signal, from the cells: every confidence of a cell falls in the same bucket for every
     * k and on the same side of 0.5, so the cell's one {@code confidence} stands for all of them. The cells are summed
     * per type, platform and bucket first (plain sums, a few hundred rows out of thousands), then the platform's RTP of
     * now is applied, as the statement over the signals applies it: the theoretical squared error Σ (RTP / x − hit)²
     * is RTP² Σ 1/x² − 2 RTP Σ hit/x + hits (x ≥ 1 > RTP, so least(1, RTP / x) = RTP / x), the edges (RTP − 1) per
     * acted signal.
     */
    private static final String SCORES_ALL_TIME = """
            SELECT b.signal_type, b.bucket,
                   sum(b.signals)::bigint AS signals,
                   sum(b.hits)::bigint AS hits,
                   sum(b.acted_hits)::bigint AS true_positives,
                   sum(b.acted - b.acted_hits)::bigint AS false_positives,
                   sum(b.signals - b.acted - b.hits + b.acted_hits)::bigint AS true_negatives,
                   sum(b.hits - b.acted_hits)::bigint AS false_negatives,
                   sum(b.sum_confidences)::float8 AS sum_of_confidences,
                   sum(b.sum_squared_errors)::float8 AS sum_of_squared_errors,
                   sum(p.rtp * p.rtp * b.sum_inverse_squared_targets - 2 * p.rtp * b.sum_hit_inverse_targets + b.hits)::float8
                       AS sum_of_theoretical_squared_errors,
                   sum(b.profit_when_acting) AS profit_when_acting,
                   sum(b.acted * (p.rtp - 1)) AS sum_of_theoretical_edges
            FROM (SELECT c.signal_type, c.game_name, c.platform_code,
                         least(floor(c.confidence * :buckets)::int, :buckets - 1) AS bucket,
                         sum(c.signals) AS signals,
                         sum(c.hits) AS hits,
                         coalesce(sum(c.signals) FILTER (WHERE c.confidence >= :positive), 0) AS acted,
                         coalesce(sum(c.hits) FILTER (WHERE c.confidence >= :positive), 0) AS acted_hits,
                         sum(c.sum_confidences) AS sum_confidences,
                         sum(c.sum_squared_errors) AS sum_squared_errors,
                         sum(c.sum_inverse_squared_targets) AS sum_inverse_squared_targets,
                         sum(c.sum_hit_inverse_targets) AS sum_hit_inverse_targets,
                         coalesce(sum(c.profit_if_acting) FILTER (WHERE c.confidence >= :positive), 0) AS profit_when_acting
                  FROM signal_score_cells c
                  WHERE {where}
                  GROUP BY 1, 2, 3, 4) AS b
            JOIN (SELECT game_name, platform_code, 1 - house_edge_percent / 100 AS rtp FROM game_platform_config) AS p
              ON p.game_name = b.game_name AND p.platform_code = b.platform_code
            GROUP BY 1, 2
            """;

    private final JdbcClient jdbc;

    public JdbcSignalReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, SortedMap<Integer, SignalScore>> scores(@Nullable String signalType, TimeWindow window,
                                                               int bucketCount, TradeTypeFilter tradeTypes) {
        if (window.equals(TimeWindow.ALL)) {
            TradeType only = tradeTypes.only();
            return scores(SCORES_ALL_TIME, new SqlConditions()
                    .equal("c.signal_type", "signalType", signalType)
                    .equal("c.trade_type", "tradeType", only == null ? null : only.name()), bucketCount);
        }
        return scoresFromSignals(signalType, window, bucketCount, tradeTypes);
    }

    /** The scores read from the signals themselves ({@link #SCORES}), whatever the window: the cells' reference. */
    Map<String, SortedMap<Integer, SignalScore>> scoresFromSignals(@Nullable String signalType, TimeWindow window,
                                                                   int bucketCount, TradeTypeFilter tradeTypes) {
        return scores(SCORES, new SqlConditions()
                .condition("s.signal_correctness IS NOT NULL")
                .equal("s.signal_type", "signalType", signalType)
                .window("s.\"timestamp\"", "window", window)
                .tradeTypes(tradeTypes), bucketCount);
    }

    private Map<String, SortedMap<Integer, SignalScore>> scores(String statement, SqlConditions where, int bucketCount) {
        where.parameter("buckets", bucketCount).parameter("positive", SignalOutcome.POSITIVE_CONFIDENCE);
        Map<String, SortedMap<Integer, SignalScore>> scores = new TreeMap<>();
        where.bind(jdbc.sql(SqlTemplate.sql(statement).with("where", where.sql()).text())).query((RowCallbackHandler) rs ->
                scores.computeIfAbsent(rs.getString("signal_type"), type -> new TreeMap<>()).put(rs.getInt("bucket"),
                        new SignalScore(
                                rs.getLong("signals"),
                                rs.getLong("hits"),
                                rs.getLong("true_positives"),
                                rs.getLong("false_positives"),
                                rs.getLong("true_negatives"),
                                rs.getLong("false_negatives"),
                                rs.getDouble("sum_of_confidences"),
                                rs.getDouble("sum_of_squared_errors"),
                                rs.getLong("signals"),
                                rs.getDouble("sum_of_theoretical_squared_errors"),
                                rs.getLong("true_positives") + rs.getLong("false_positives"),
                                rs.getBigDecimal("profit_when_acting"),
                                rs.getBigDecimal("sum_of_theoretical_edges"))));
        return scores;
    }
}
