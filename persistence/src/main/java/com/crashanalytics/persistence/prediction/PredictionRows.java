package com.crashanalytics.persistence.prediction;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import com.crashanalytics.domain.prediction.Prediction;
import com.crashanalytics.domain.prediction.PredictionKind;
import com.crashanalytics.domain.prediction.PredictionStatus;
import com.crashanalytics.persistence.common.JsonColumns;
import org.jspecify.annotations.Nullable;

/** The columns of {@code game_predictions} and how a row becomes a {@link Prediction}: one place for both adapters. */
final class PredictionRows {

    /** Every column, qualified with the alias {@code p}. */
    static final String COLUMNS = """
            p.id, p.model_name, p.model_version, p.prediction_id, p.game_name, p.platform_code, p.kind, p.threshold,
            p.horizon_rounds, p.gap_from, p.gap_to, p.predicted_gap, p.confidence, p.made_at, p.last_seen_round_id,
            p.expires_at, p.features, p.content_fingerprint, p.logged_at, p.status, p.rounds_observed,
            p.first_hit_after_rounds, p.deciding_round_id, p.judged_at""";

    private PredictionRows() {
    }

    static Prediction map(ResultSet rs, int row) throws SQLException {
        return new Prediction(rs.getObject("id", UUID.class), rs.getString("model_name"),
                rs.getString("model_version"), rs.getString("prediction_id"), rs.getString("game_name"),
                rs.getString("platform_code"), PredictionKind.valueOf(rs.getString("kind")),
                decimal(rs, "threshold"), rs.getInt("horizon_rounds"), integer(rs, "gap_from"), integer(rs, "gap_to"),
                decimal(rs, "predicted_gap"), rs.getDouble("confidence"), instant(rs, "made_at"),
                rs.getString("last_seen_round_id"), instant(rs, "expires_at"), JsonColumns.document(rs, "features"),
                rs.getString("content_fingerprint"), instant(rs, "logged_at"),
                PredictionStatus.valueOf(rs.getString("status")), integer(rs, "rounds_observed"),
                integer(rs, "first_hit_after_rounds"), rs.getObject("deciding_round_id", UUID.class),
                instant(rs, "judged_at"));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
