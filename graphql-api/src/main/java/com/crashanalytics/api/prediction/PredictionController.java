package com.crashanalytics.api.prediction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import com.crashanalytics.api.analytics.TimeWindowInput;
import com.crashanalytics.api.paging.Connection;
import com.crashanalytics.api.paging.Connection.Counter;
import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.SortDirection;
import com.crashanalytics.domain.prediction.LogPredictionCommand;
import com.crashanalytics.domain.prediction.LogPredictionUseCase;
import com.crashanalytics.domain.prediction.LogPredictionUseCase.LoggedPrediction;
import com.crashanalytics.domain.prediction.Prediction;
import com.crashanalytics.domain.prediction.PredictionFilter;
import com.crashanalytics.domain.prediction.PredictionKind;
import com.crashanalytics.domain.prediction.PredictionPerformance;
import com.crashanalytics.domain.prediction.PredictionReadModel;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Predictions models make about games: logged, listed, and scored against the crash law. */
@Controller
class PredictionController {

    private final LogPredictionUseCase predictions;
    private final PredictionReadModel readModel;
    private final Clock clock;
    private final double defaultConfidenceThreshold;

    PredictionController(LogPredictionUseCase predictions, PredictionReadModel readModel, Clock clock,
                         PredictionSettings settings) {
        this.predictions = predictions;
        this.readModel = readModel;
        this.clock = clock;
        this.defaultConfidenceThreshold = settings.confidenceThreshold();
    }

    @MutationMapping
    LoggedPrediction logPrediction(@Argument LogPredictionInput input) {
        return predictions.logPrediction(input.toCommand(clock.instant()));
    }

    @QueryMapping
    Connection<Prediction> predictions(@Argument @Nullable PredictionFilter filter, @Argument Integer first,
                                       @Argument @Nullable String after, @Argument SortDirection direction) {
        ListQuery<PredictionFilter> query = ListQuery.of(filter == null ? PredictionFilter.ALL : filter,
                PredictionReadModel.BY_MADE_AT, first, after, direction);
        return Connection.of(readModel.predictions(query), Counter.direct(() -> readModel.count(query.filter())));
    }

    @QueryMapping
    PredictionPerformance predictionPerformance(@Argument String model, @Argument @Nullable String modelVersion,
                                                @Argument PredictionKind kind,
                                                @Argument @Nullable TimeWindowInput window,
                                                @Argument @Nullable Double confidenceThreshold) {
        return PredictionPerformance.of(
                readModel.scored(model, modelVersion, kind, TimeWindowInput.toWindow(window)),
                confidenceThreshold != null ? confidenceThreshold : defaultConfidenceThreshold);
    }

    record LogPredictionInput(String modelName, String modelVersion, String predictionId, String gameName,
                              String platformCode, PredictionKind kind, BigDecimal threshold,
                              @Nullable Integer withinRounds, @Nullable Integer gapFrom, @Nullable Integer gapTo,
                              @Nullable BigDecimal predictedGap, Double confidence, @Nullable Instant madeAt,
                              @Nullable String lastSeenRoundId, @Nullable Instant expiresAt,
                              @Nullable Object features) {

        LogPredictionCommand toCommand(Instant receivedAt) {
            return new LogPredictionCommand(receivedAt, modelName, modelVersion, predictionId, gameName, platformCode,
                    kind, threshold, withinRounds, gapFrom, gapTo, predictedGap, confidence, madeAt, lastSeenRoundId,
                    expiresAt, JsonDocument.of(features));
        }
    }
}
