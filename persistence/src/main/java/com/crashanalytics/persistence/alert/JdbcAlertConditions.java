package com.crashanalytics.persistence.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.crashanalytics.domain.alert.AlertConditions;
import com.crashanalytics.domain.alert.AlertRule;
import com.crashanalytics.domain.alert.AlertRuleDefinition;
import com.crashanalytics.domain.alert.AlertScope;
import com.crashanalytics.domain.alert.AlertSubject;
import com.crashanalytics.domain.alert.ConditionHit;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where each kind of rule holds, in SQL over the tables the write path keeps: {@code session_logs} (balances, peak,
 * streaks, heartbeats, kept current as rounds arrive), {@code crash_game_rounds}, {@code analytics_round_signals}
 * and {@code game_platform_config}. Every statement is narrowed to the rule's scope.
 */
public class JdbcAlertConditions implements AlertConditions {

    /** How far back a signal is still news: signals older than this are past (their episodes close). */
    static final Duration SIGNAL_LOOKBACK = Duration.ofHours(1);

    /** The sessions meeting a rule's {@code condition} within its {@code scope}. */
    private static final String SESSIONS = """
            SELECT s.bot_id, s.session_id, s.game_name, s.platform_code, s.current_balance, s.peak_balance, s.initial_balance,
            s.current_loss_streak, s.total_rounds, greatest(s.start_time, s.last_heartbeat_at, s.updated_at) AS last_sign_of_life
            FROM session_logs s WHERE {condition} AND {scope} ORDER BY s.session_id""";

    /** A rule's scope over a table with bot_id, game_name and platform_code, and the given strategy column. */
    private static final String SCOPE = """
            (cardinality(CAST(:botIds AS text[])) = 0 OR {alias}.bot_id = ANY(CAST(:botIds AS text[]))) \
            AND (cardinality(CAST(:strategies AS text[])) = 0 OR {strategy} = ANY(CAST(:strategies AS text[]))) \
            AND {platformScope}""";

    /** A rule's scope of games and platforms over a table with game_name and platform_code. */
    private static final String PLATFORM_SCOPE = """
            (cardinality(CAST(:games AS text[])) = 0 OR {alias}.game_name = ANY(CAST(:games AS text[]))) \
            AND (cardinality(CAST(:platforms AS text[])) = 0 OR {alias}.platform_code = ANY(CAST(:platforms AS text[])))""";

    private final JdbcClient jdbc;

    public JdbcAlertConditions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ConditionHit> hits(AlertRule rule, Instant now) {
        AlertRuleDefinition definition = rule.definition();
        Map<String, Object> parameters = scopeParameters(definition.scope());
        return switch (definition.kind()) {
            case DRAWDOWN -> {
                String drawdown = definition.amount() != null
                        ? "s.status = 'ACTIVE' AND s.peak_balance - s.current_balance >= :amount"
                        : """
                          s.status = 'ACTIVE' AND s.peak_balance > 0 \
                          AND (s.peak_balance - s.current_balance) * 100 / s.peak_balance >= :percent""";
                parameters.put("amount", definition.amount());
                parameters.put("percent", definition.percent());
                yield sessions(drawdown, parameters, now,
                        (rs, figures) -> {
                            BigDecimal peak = rs.getBigDecimal("peak_balance");
                            BigDecimal drop = peak.subtract(rs.getBigDecimal("current_balance"));
                            figures.put("drawdown", SqlValues.normalize(drop));
                            figures.put("drawdownPercent", peak.signum() == 0 ? BigDecimal.ZERO : SqlValues.normalize(
                                    drop.multiply(BigDecimal.valueOf(100)).divide(peak, 2, RoundingMode.HALF_UP)));
                            figures.put("peakBalance", SqlValues.normalize(peak));
                            figures.put("currentBalance", SqlValues.decimal(rs, "current_balance"));
                        });
            }
            case LOSS_STREAK -> {
                parameters.put("count", definition.count());
                yield sessions("s.status = 'ACTIVE' AND s.current_loss_streak >= :count", parameters, now,
                        (rs, figures) -> {
                            figures.put("lossStreak", rs.getInt("current_loss_streak"));
                            figures.put("currentBalance", SqlValues.decimal(rs, "current_balance"));
                        });
            }
            case BUST -> {
                parameters.put("since", SqlValues.timestamptz(rule.updatedAt()));
                yield sessions("s.current_balance = 0 AND s.total_rounds > 0 AND (s.status = 'ACTIVE' OR s.end_time >= :since)",
                        parameters, now,
                        (rs, figures) -> {
                            figures.put("rounds", rs.getInt("total_rounds"));
                            figures.put("initialBalance", SqlValues.decimal(rs, "initial_balance"));
                        });
            }
            case STALE_SESSION -> {
                parameters.put("silentSince", SqlValues.timestamptz(now.minusSeconds(definition.staleAfterSeconds())));
                yield sessions("""
                        s.status = 'ACTIVE' AND greatest(s.start_time, s.last_heartbeat_at, s.updated_at) < :silentSince""",
                        parameters, now, (rs, figures) -> {
                            Instant last = SqlValues.instant(rs, "last_sign_of_life");
                            figures.put("lastSignOfLifeAt", last.toString());
                            figures.put("silentSeconds", Duration.between(last, now).toSeconds());
                        });
            }
            case BALANCE_UNDER -> {
                parameters.put("amount", definition.amount());
                yield sessions("s.status = 'ACTIVE' AND s.current_balance < :amount", parameters, now, (rs, figures) -> figures.put("currentBalance", SqlValues.decimal(rs, "current_balance")));
            }
            case NO_BIG_CRASH -> droughts(definition, parameters);
            case SIGNAL_CONFIDENCE -> confidentSignals(rule, parameters, now);
            case PREDICTION_CONFIDENCE -> confidentPredictions(rule, parameters, now);
            case RTP_DEPARTURE -> throw new IllegalArgumentException("RTP_DEPARTURE is tested on recentCrashPoints");
        };
    }

    private List<ConditionHit> sessions(String condition, Map<String, Object> parameters, Instant now,
                                        SessionFigures figuresOf) {
        String sql = SqlTemplate.sql(SESSIONS).with("condition", condition).with("scope", scope("s", "s.strategy_name"))
                .text();
        return jdbc.sql(sql).params(parameters)
                .query((rs, row) -> {
                    Map<String, Object> figures = new LinkedHashMap<>();
                    figuresOf.add(rs, figures);
                    AlertSubject subject = AlertSubject.session(rs.getString("bot_id"), rs.getString("session_id"),
                            rs.getString("game_name"), rs.getString("platform_code"));
                    return new ConditionHit(subject.key(), subject, figures);
                }).list();
    }

    /**
     * Game rounds (one per round of the game, however many bots watched it: by the game's round id where sent)
     * since the last crash at or above the multiplier, per game and platform; those at or past the count.
     */
    private List<ConditionHit> droughts(AlertRuleDefinition definition, Map<String, Object> parameters) {
        parameters.put("multiplier", definition.multiplier());
        parameters.put("count", definition.count());
        String sql = SqlTemplate.sql("""
                WITH scoped AS (
                    SELECT r.game_name, r.platform_code, coalesce(r.round_external_id, r.id::text) AS game_round,
                           r.round_start_timestamp AS started, r.crash_multiplier_detected AS crash
                    FROM crash_game_rounds r
                    WHERE r.crash_multiplier_detected IS NOT NULL AND {scope}),
                last_big AS (
                    SELECT game_name, platform_code, max(started) AS at FROM scoped WHERE crash >= :multiplier
                    GROUP BY game_name, platform_code)
                SELECT s.game_name, s.platform_code, last_big.at AS last_big_at, c.house_edge_percent,
                       count(DISTINCT s.game_round) AS rounds_since
                FROM scoped s
                LEFT JOIN last_big ON last_big.game_name = s.game_name AND last_big.platform_code = s.platform_code
                LEFT JOIN game_platform_config c ON c.game_name = s.game_name AND c.platform_code = s.platform_code
                WHERE last_big.at IS NULL OR s.started > last_big.at
                GROUP BY s.game_name, s.platform_code, last_big.at, c.house_edge_percent
                HAVING count(DISTINCT s.game_round) >= :count
                ORDER BY s.game_name, s.platform_code
                """).with("scope", scope("r", "r.strategy_name")).text();
        return jdbc.sql(sql).params(parameters).query((rs, row) -> {
            AlertSubject subject = AlertSubject.platform(rs.getString("game_name"), rs.getString("platform_code"));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("roundsSince", rs.getLong("rounds_since"));
            figures.put("multiplier", SqlValues.normalize(definition.multiplier()));
            Instant lastBig = SqlValues.instant(rs, "last_big_at");
            if (lastBig != null) {
                figures.put("lastBigCrashAt", lastBig.toString());
            }
            BigDecimal houseEdge = rs.getBigDecimal("house_edge_percent");
            if (houseEdge != null) {
                // Rounds between crashes >= x are geometric with success P(crash >= x) = RTP / x: mean x / RTP.
                BigDecimal rtp = BigDecimal.ONE.subtract(houseEdge.movePointLeft(2));
                figures.put("expectedGapRounds", SqlValues.normalize(definition.multiplier().divide(rtp, 1, RoundingMode.HALF_UP)));
            }
            return new ConditionHit(subject.key(), subject, figures);
        }).list();
    }

    /** Each signal at or above the confidence, logged since the rule was defined and within the lookback. */
    private List<ConditionHit> confidentSignals(AlertRule rule, Map<String, Object> parameters, Instant now) {
        parameters.put("confidence", rule.definition().confidence());
        parameters.put("since", SqlValues.timestamptz(rule.updatedAt()));
        parameters.put("lookback", SqlValues.timestamptz(now.minus(SIGNAL_LOOKBACK)));
        String sql = SqlTemplate.sql("""
                SELECT g.id, g.bot_id, g.session_id, g.game_name, g.platform_code, g.signal_type, g.confidence_score,
                       g.predicted_multiplier, g.round_number
                FROM analytics_round_signals g LEFT JOIN session_logs s ON s.session_id = g.session_id
                WHERE g.confidence_score >= :confidence AND g.created_at >= :since AND g.created_at > :lookback AND {scope}
                ORDER BY g.created_at, g.id
                """).with("scope", scope("g", "s.strategy_name")).text();
        return jdbc.sql(sql).params(parameters).query((rs, row) -> {
            AlertSubject subject = AlertSubject.bot(rs.getString("bot_id"), rs.getString("session_id"),
                    rs.getString("game_name"), rs.getString("platform_code"));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("signalType", rs.getString("signal_type"));
            figures.put("confidence", rs.getDouble("confidence_score"));
            figures.put("roundNumber", rs.getInt("round_number"));
            BigDecimal predicted = SqlValues.decimal(rs, "predicted_multiplier");
            if (predicted != null) {
                figures.put("predictedMultiplier", predicted);
            }
            return new ConditionHit("signal:" + rs.getString("id"), subject, figures);
        }).list();
    }

    /**
     * Predictions about the rule's games and platforms logged since the rule was last changed (and within the same
     * look-back as signals), at or above its confidence: each prediction is its own episode. A prediction is about a
     * game, not a bot, so a rule's bot and strategy scope does not narrow it.
     */
    private List<ConditionHit> confidentPredictions(AlertRule rule, Map<String, Object> parameters, Instant now) {
        parameters.put("confidence", rule.definition().confidence());
        parameters.put("since", SqlValues.timestamptz(rule.updatedAt()));
        parameters.put("lookback", SqlValues.timestamptz(now.minus(SIGNAL_LOOKBACK)));
        String sql = SqlTemplate.sql("""
                SELECT p.id, p.model_name, p.model_version, p.prediction_id, p.game_name, p.platform_code, p.kind,
                       p.threshold, p.horizon_rounds, p.confidence, p.made_at
                FROM game_predictions p
                WHERE p.confidence >= :confidence AND p.logged_at >= :since AND p.logged_at > :lookback AND {scope}
                ORDER BY p.logged_at, p.id
                """).with("scope", platformScope("p")).text();
        return jdbc.sql(sql).params(parameters).query((rs, row) -> {
            AlertSubject subject = AlertSubject.platform(rs.getString("game_name"), rs.getString("platform_code"));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("model", rs.getString("model_name") + " " + rs.getString("model_version"));
            figures.put("predictionId", rs.getString("prediction_id"));
            figures.put("prediction", rs.getString("kind") + " >= " + SqlValues.normalize(rs.getBigDecimal("threshold"))
                    + "x within " + rs.getInt("horizon_rounds") + " rounds");
            figures.put("confidence", rs.getDouble("confidence"));
            figures.put("madeAt", rs.getTimestamp("made_at").toInstant().toString());
            return new ConditionHit("prediction:" + rs.getString("id"), subject, figures);
        }).list();
    }

    @Override
    public List<CrashSample> recentCrashPoints(AlertRule rule) {
        Map<String, Object> parameters = scopeParameters(rule.definition().scope());
        parameters.put("sampleSize", rule.definition().sampleSize());
        String sql = SqlTemplate.sql("""
                SELECT c.game_name, c.platform_code, c.house_edge_percent, recent.crash, count(*) AS rounds
                FROM game_platform_config c
                CROSS JOIN LATERAL (
                    SELECT crash FROM (
                        SELECT DISTINCT ON (coalesce(r.round_external_id, r.id::text))
                               r.crash_multiplier_detected AS crash, r.round_start_timestamp AS started
                        FROM crash_game_rounds r
                        WHERE r.game_name = c.game_name AND r.platform_code = c.platform_code
                          AND r.crash_multiplier_detected IS NOT NULL AND {scope}
                        ORDER BY coalesce(r.round_external_id, r.id::text), r.round_start_timestamp) one_per_game_round
                    ORDER BY started DESC LIMIT :sampleSize) recent
                WHERE {platformScope}
                GROUP BY c.game_name, c.platform_code, c.house_edge_percent, recent.crash
                ORDER BY c.game_name, c.platform_code, recent.crash
                """).with("scope", scope("r", "r.strategy_name")).with("platformScope", platformScope("c")).text();
        Map<String, CrashSample> samples = new LinkedHashMap<>();
        RowCallbackHandler addRow = rs -> {
            String key = rs.getString("game_name") + "/" + rs.getString("platform_code");
            CrashSample before = samples.get(key);
            SortedMap<BigDecimal, Long> counts = before == null ? new TreeMap<>() : before.countsByValue();
            long rounds = rs.getLong("rounds");
            counts.put(SqlValues.normalize(rs.getBigDecimal("crash")), rounds);
            samples.put(key, new CrashSample(rs.getString("game_name"), rs.getString("platform_code"),
                    rs.getBigDecimal("house_edge_percent"), counts, (before == null ? 0 : before.rounds()) + rounds));
        };
        jdbc.sql(sql).params(parameters).query(addRow);
        return new ArrayList<>(samples.values());
    }

    private static String scope(String alias, String strategyColumn) {
        return SqlTemplate.sql(SCOPE).with("alias", alias).with("strategy", strategyColumn)
                .with("platformScope", platformScope(alias)).text();
    }

    private static String platformScope(String alias) {
        return SqlTemplate.sql(PLATFORM_SCOPE).with("alias", alias).text();
    }

    private static Map<String, Object> scopeParameters(AlertScope scope) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("botIds", scope.botIds().toArray(String[]::new));
        parameters.put("strategies", scope.strategyNames().toArray(String[]::new));
        parameters.put("games", scope.gameNames().toArray(String[]::new));
        parameters.put("platforms", scope.platformCodes().toArray(String[]::new));
        return parameters;
    }

    @FunctionalInterface
    private interface SessionFigures {
        void add(ResultSet rs, Map<String, Object> figures) throws SQLException;
    }
}
