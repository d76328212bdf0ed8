package com.crashanalytics.api.live;

import java.util.function.Predicate;

import com.crashanalytics.api.live.LiveViews.PredictionEvent;
import com.crashanalytics.domain.live.LiveEventKind;
import com.crashanalytics.domain.prediction.PredictionStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * The prediction feeds: new predictions (with {@code minConfidence}, seed 002's alert on a prediction above
 * PREDICTION_CONFIDENCE_THRESHOLD) and verdicts. Predictions hold no bot's data, so every key may subscribe.
 */
@Controller
class PredictionFeedController {

    private final LiveFeed feed;

    PredictionFeedController(LiveFeed feed) {
        this.feed = feed;
    }

    @SubscriptionMapping
    Flux<PredictionEvent> predictionMade(@Argument @Nullable PredictionFeedFilter filter,
                                         @Argument @Nullable Double minConfidence, @Argument @Nullable Long after,
                                         @ContextValue(name = SubscriptionProgress.CONTEXT_KEY, required = false) @Nullable SubscriptionProgress progress) {
        PredictionFeedFilter asked = filter != null ? filter : PredictionFeedFilter.ALL;
        return of(LiveEventKind.PREDICTION_MADE, after, progress, prediction -> asked.takes(prediction)
                && (minConfidence == null || prediction.confidence() >= minConfidence));
    }

    @SubscriptionMapping
    Flux<PredictionEvent> predictionJudged(@Argument @Nullable PredictionFeedFilter filter,
                                           @Argument @Nullable PredictionStatus status, @Argument @Nullable Long after,
                                           @ContextValue(name = SubscriptionProgress.CONTEXT_KEY, required = false) @Nullable SubscriptionProgress progress) {
        PredictionFeedFilter asked = filter != null ? filter : PredictionFeedFilter.ALL;
        return of(LiveEventKind.PREDICTION_JUDGED, after, progress,
                prediction -> asked.takes(prediction) && (status == null || status == prediction.status()));
    }

    /** The feed of one kind, filtered in the feed (every event it hands on must reach the engine, see LiveFeed). */
    private Flux<PredictionEvent> of(LiveEventKind kind, @Nullable Long after, @Nullable SubscriptionProgress progress,
                                     Predicate<PredictionEvent> takes) {
        return feed.subscribe(after, event -> event.kind() == kind && takes.test((PredictionEvent) event.view()),
                progress).map(event -> (PredictionEvent) event.view());
    }

    record PredictionFeedFilter(@Nullable String modelName, @Nullable String gameName, @Nullable String platformCode) {

        static final PredictionFeedFilter ALL = new PredictionFeedFilter(null, null, null);

        boolean takes(PredictionEvent prediction) {
            return (modelName == null || modelName.equals(prediction.modelName()))
                    && (gameName == null || gameName.equals(prediction.gameName()))
                    && (platformCode == null || platformCode.equals(prediction.platformCode()));
        }
    }
}
