package com.crashanalytics.persistence.prediction;

import static com.crashanalytics.persistence.common.SqlValues.timestamptz;

import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.prediction.Prediction;
import com.crashanalytics.domain.prediction.PredictionFilter;
import com.crashanalytics.domain.prediction.PredictionKind;
import com.crashanalytics.domain.prediction.PredictionPerformance;
import com.crashanalytics.domain.prediction.PredictionReadModel;
import com.crashanalytics.persistence.common.KeysetSql;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Predictions for dashboards: pages of {@code game_predictions} by when they were made, and a model's scores. */
public class JdbcPredictionReadModel implements PredictionReadModel {

    private static final KeysetSql<Prediction> BY_MADE_AT_SQL = new KeysetSql<>(
            PredictionRows.COLUMNS, "game_predictions p", "", BY_MADE_AT, List.of("p.made_at", "p.id"),
            PredictionRows::map);

    private final JdbcClient jdbc;

    public JdbcPredictionReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<Prediction> predictions(ListQuery<PredictionFilter> query) {
        return BY_MADE_AT_SQL.page(jdbc, where(query.filter()), query.page());
    }

    @Override
    public long count(PredictionFilter filter) {
        return BY_MADE_AT_SQL.count(jdbc, where(filter));
    }

    @Override
    public List<PredictionPerformance.Scored> scored(String modelName, @Nullable String modelVersion,
                                                     PredictionKind kind, TimeWindow window) {
        return jdbc.sql(SqlTemplate.sql("""
                        SELECT {columns}
                        , 1 - g.house_edge_percent / 100 AS rtp
                        FROM game_predictions p
                        JOIN game_platform_config g ON g.game_name = p.game_name AND g.platform_code = p.platform_code
                        WHERE p.model_name = :model AND p.kind = :kind
                          AND (CAST(:version AS text) IS NULL OR p.model_version = :version)
                          AND (CAST(:from AS timestamptz) IS NULL OR p.made_at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR p.made_at < :to)
                        ORDER BY p.made_at, p.id
                        """).with("columns", PredictionRows.COLUMNS).text())
                .param("model", modelName)
                .param("kind", kind.name())
                .param("version", modelVersion)
                .param("from", timestamptz(window.from()))
                .param("to", timestamptz(window.to()))
                .query((rs, row) -> new PredictionPerformance.Scored(PredictionRows.map(rs, row),
                        rs.getBigDecimal("rtp").stripTrailingZeros()))
                .list();
    }

    private static SqlConditions where(PredictionFilter filter) {
        return new SqlConditions()
                .equal("p.model_name", "modelName", filter.modelName())
                .equal("p.model_version", "modelVersion", filter.modelVersion())
                .equal("p.game_name", "gameName", filter.gameName())
                .equal("p.platform_code", "platformCode", filter.platformCode())
                .equal("p.kind", "kind", filter.kind())
                .equal("p.status", "status", filter.status())
                .notBefore("p.made_at", "from", filter.from())
                .before("p.made_at", "to", filter.to());
    }
}
