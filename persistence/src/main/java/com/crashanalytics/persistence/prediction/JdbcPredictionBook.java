package com.crashanalytics.persistence.prediction;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;
import static com.crashanalytics.persistence.common.SqlValues.timestamptz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.prediction.GameRound;
import com.crashanalytics.domain.prediction.Prediction;
import com.crashanalytics.domain.prediction.PredictionBook;
import com.crashanalytics.persistence.common.JsonColumns;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code game_predictions}, judged against {@code game_round_crashes}: the rollup that holds one row per game round
 * however many bots logged it (see changeset 0031), maintained by trigger in the writing transaction, so the rounds a
 * transaction just logged are already there when it judges.
 */
public class JdbcPredictionBook implements PredictionBook {

    /**
     * Each pending prediction with the first game rounds after it, locked in a fixed order (made_at, id) so two
     * judges never deadlock. The rounds come from the same index the streaks read: one range scan per prediction.
     */
    private static final String PENDING_WITH_ROUNDS = """
            SELECT {columns}
            , g.round_id AS g_round_id, g.round_external_id AS g_external_id,
              g.round_start_timestamp AS g_started_at, g.crash_multiplier AS g_crash
            FROM game_predictions p
            LEFT JOIN LATERAL (
                SELECT c.round_id, c.round_external_id, c.round_start_timestamp, c.crash_multiplier
                FROM game_round_crashes c
                WHERE c.game_name = p.game_name AND c.platform_code = p.platform_code
                  AND c.round_start_timestamp > p.made_at
                ORDER BY c.round_start_timestamp, c.round_id
                LIMIT p.horizon_rounds
            ) g ON TRUE
            WHERE p.status = 'PENDING' AND {which}
            ORDER BY p.made_at, p.id, g.round_start_timestamp, g.round_id
            FOR UPDATE OF p
            """;

    /**
     * The oldest-deadline pending predictions past {@code :expiredBefore}, at most {@code :limit}, locked skipping
     * those another transaction holds (index ix_game_predictions_pending_deadline, changeset 0410).
     */
    private static final String OVERDUE = """
            p.id = ANY(ARRAY(SELECT id FROM game_predictions
                             WHERE status = 'PENDING' AND expires_at < :expiredBefore
                             ORDER BY expires_at, id
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED))""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Authorship authorship;

    public JdbcPredictionBook(JdbcClient jdbc, JdbcTemplate batches, Authorship authorship) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.authorship = authorship;
    }

    @Override
    public boolean insertIfAbsent(Prediction prediction) {
        return jdbc.sql("""
                        INSERT INTO game_predictions (id, model_name, model_version, prediction_id, game_name,
                            platform_code, kind, threshold, horizon_rounds, gap_from, gap_to, predicted_gap, confidence,
                            made_at, last_seen_round_id, expires_at, features, content_fingerprint, logged_at,
                            written_by_key_id)
                        VALUES (:id, :modelName, :modelVersion, :predictionId, :gameName, :platformCode, :kind,
                            :threshold, :horizonRounds, :gapFrom, :gapTo, :predictedGap, :confidence, :madeAt,
                            :lastSeenRoundId, :expiresAt, CAST(:features AS jsonb), :fingerprint, :loggedAt,
                            CAST(:writtenBy AS uuid))
                        ON CONFLICT (model_name, prediction_id) DO NOTHING
                        """)
                .param("id", prediction.id())
                .param("modelName", prediction.modelName())
                .param("modelVersion", prediction.modelVersion())
                .param("predictionId", prediction.predictionId())
                .param("gameName", prediction.gameName())
                .param("platformCode", prediction.platformCode())
                .param("kind", prediction.kind().name())
                .param("threshold", prediction.threshold())
                .param("horizonRounds", prediction.horizonRounds())
                .param("gapFrom", prediction.gapFrom())
                .param("gapTo", prediction.gapTo())
                .param("predictedGap", prediction.predictedGap())
                .param("confidence", prediction.confidence())
                .param("madeAt", timestamptz(prediction.madeAt()))
                .param("lastSeenRoundId", prediction.lastSeenRoundId())
                .param("expiresAt", timestamptz(prediction.expiresAt()))
                .param("features", JsonColumns.text(prediction.features()))
                .param("fingerprint", prediction.contentFingerprint())
                .param("loggedAt", timestamptz(prediction.loggedAt()))
                .param("writtenBy", authorship.currentKeyId().orElse(null))
                .update() == 1;
    }

    @Override
    public Optional<Prediction> find(String modelName, String predictionId) {
        return jdbc.sql(SqlTemplate.sql("""
                        SELECT {columns}
                        FROM game_predictions p WHERE p.model_name = :modelName AND p.prediction_id = :predictionId""")
                        .with("columns", PredictionRows.COLUMNS).text())
                .param("modelName", modelName)
                .param("predictionId", predictionId)
                .query(PredictionRows::map)
                .optional();
    }

    @Override
    public List<Pending> lockPending(String gameName, String platformCode, Instant madeBefore) {
        // The round-logging transaction calling this holds the game's advisory lock already: its trigger took it.
        return pending("p.game_name = :game AND p.platform_code = :platform AND p.made_at < :madeBefore",
                Map.of("game", gameName, "platform", platformCode, "madeBefore", timestamptz(madeBefore)));
    }

    @Override
    public Optional<Pending> lockPending(UUID predictionId) {
        // Waits for transactions logging rounds of the game (the lock game_round_crashes' trigger takes), so the
        // rounds they commit are seen here, or this prediction is seen pending by them.
        jdbc.sql("""
                        SELECT pg_advisory_xact_lock(hashtextextended('game_round_crashes/' || game_name || '/' || platform_code, 0))
                        FROM game_predictions WHERE id = :id
                        """)
                .param("id", predictionId)
                .query((RowCallbackHandler) rs -> { });
        return pending("p.id = :id", Map.of("id", predictionId)).stream().findFirst();
    }

    @Override
    public List<Pending> lockOverdue(Instant expiredBefore, int limit) {
        // SKIP LOCKED: a prediction a round-logging transaction is judging right now is left to it. No game lock is
        // taken, so this never waits for the game's writers (they wait for these rows, never the other way round).
        return pending(OVERDUE,
                Map.of("expiredBefore", timestamptz(expiredBefore), "limit", limit));
    }

    /** The pending predictions that {@code which} selects, with the game rounds after each. */
    private List<Pending> pending(String which, Map<String, ?> parameters) {
        String sql = SqlTemplate.sql(PENDING_WITH_ROUNDS).with("columns", PredictionRows.COLUMNS).with("which", which)
                .text();
        Map<UUID, Prediction> predictions = new LinkedHashMap<>();
        Map<UUID, List<GameRound>> rounds = new LinkedHashMap<>();
        jdbc.sql(sql).params(parameters).query((RowCallbackHandler) rs -> {
            Prediction prediction = PredictionRows.map(rs, 0);
            predictions.putIfAbsent(prediction.id(), prediction);
            List<GameRound> after = rounds.computeIfAbsent(prediction.id(), id -> new ArrayList<>());
            UUID roundId = rs.getObject("g_round_id", UUID.class);
            if (roundId != null) {
                after.add(new GameRound(roundId, rs.getString("g_external_id"), instant(rs, "g_started_at"),
                        decimal(rs, "g_crash")));
            }
        });
        List<Pending> pending = new ArrayList<>(predictions.size());
        predictions.forEach((id, prediction) -> pending.add(new Pending(prediction, List.copyOf(rounds.get(id)))));
        return pending;
    }

    @Override
    public void recordVerdicts(List<Prediction> verdicts) {
        List<Object[]> rows = new ArrayList<>(verdicts.size());
        for (Prediction verdict : verdicts) {
            rows.add(new Object[] {verdict.status().name(), verdict.roundsObserved(), verdict.firstHitAfterRounds(),
                    verdict.decidingRoundId(), timestamptz(verdict.judgedAt()), verdict.id()});
        }
        batches.batchUpdate("""
                UPDATE game_predictions
                SET status = ?, rounds_observed = ?, first_hit_after_rounds = ?, deciding_round_id = ?, judged_at = ?
                WHERE id = ? AND status = 'PENDING'
                """, rows);
    }
}
