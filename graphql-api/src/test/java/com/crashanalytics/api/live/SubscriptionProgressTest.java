package com.crashanalytics.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.crashanalytics.api.error.GatewayErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import reactor.core.publisher.Flux;

/**
 * A feed that fails after handing on more events than the engine passed results on for (graphql-java drops those
 * in flight) names as where to resume the last event whose result was passed on, not the feed's last.
 */
class SubscriptionProgressTest {

    private static final ExecutionResult RESULT = ExecutionResult.newExecutionResult().data(Map.of()).build();

    @Test
    void theResumePointIsTheLastEventWhoseResultWasPassedOn() {
        SubscriptionProgress progress = new SubscriptionProgress();
        progress.startsAfter(10);
        List.of(12L, 14L, 16L).forEach(progress::handedOver);
        SubscriptionPublisherException feedFailed = new SubscriptionPublisherException(
                List.of(LiveFeedErrors.tooSlow(new SubscriberTooSlowException(16))), new SubscriberTooSlowException(16));

        Throwable told = SubscriptionProgressInterceptor
                .counted(Flux.just(RESULT).concatWith(Flux.error(feedFailed)), progress)
                .then().materialize().block().getThrowable();

        GraphQLError error = ((SubscriptionPublisherException) told).getErrors().get(0);
        assertThat(error.getErrorType()).isEqualTo(GatewayErrorType.SUBSCRIBER_TOO_SLOW);
        assertThat(error.getExtensions()).containsEntry("resumeAfter", 12L);
        assertThat(error.getMessage()).contains("after: 12");
    }

    @Test
    void aFeedThatFailedBeforeAnyResultResumesWhereItStarted() {
        SubscriptionProgress progress = new SubscriptionProgress();
        progress.startsAfter(10);
        progress.handedOver(12);
        SubscriptionPublisherException feedFailed = new SubscriptionPublisherException(
                List.of(LiveFeedErrors.tooSlow(new SubscriberTooSlowException(12))), new SubscriberTooSlowException(12));

        Throwable told = SubscriptionProgressInterceptor.counted(Flux.error(feedFailed), progress)
                .then().materialize().block().getThrowable();

        assertThat(((SubscriptionPublisherException) told).getErrors().get(0).getExtensions())
                .containsEntry("resumeAfter", 10L);
    }
}
