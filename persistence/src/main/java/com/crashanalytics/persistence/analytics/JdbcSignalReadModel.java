package com.crashanalytics.persistence.analytics;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
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

    private final JdbcClient jdbc;

    public JdbcSignalReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, SortedMap<Integer, SignalScore>> scores(@Nullable String signalType, TimeWindow window,
                                                               int bucketCount, TradeTypeFilter tradeTypes) {
        SqlConditions where = new SqlConditions()
                .condition("s.signal_correctness IS NOT NULL")
                .equal("s.signal_type", "signalType", signalType)
                .window("s.\"timestamp\"", "window", window)
                .tradeTypes(tradeTypes)
                .parameter("buckets", bucketCount)
                .parameter("positive", SignalOutcome.POSITIVE_CONFIDENCE);
        Map<String, SortedMap<Integer, SignalScore>> scores = new TreeMap<>();
        where.bind(jdbc.sql(SqlTemplate.sql(SCORES).with("where", where.sql()).text())).query((RowCallbackHandler) rs ->
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
