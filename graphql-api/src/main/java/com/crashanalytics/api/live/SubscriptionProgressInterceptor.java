package com.crashanalytics.api.live;

import java.util.Map;

import com.crashanalytics.api.error.GatewayErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives each request a {@link SubscriptionProgress} (in its GraphQLContext, for the live controllers) and, for a
 * subscription, counts the results graphql-java passes on, after it and before the socket. A feed that ends with
 * {@code SUBSCRIBER_TOO_SLOW} then names as {@code resumeAfter} the last event the client was actually sent.
 */
@Component
class SubscriptionProgressInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        SubscriptionProgress progress = new SubscriptionProgress();
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(SubscriptionProgress.CONTEXT_KEY, progress)).build());
        return chain.next(request).map(response -> response.getData() instanceof Publisher<?> results
                ? response.transform(builder -> builder.data(counted(results, progress)))
                : response);
    }

    @SuppressWarnings("unchecked")
    static Flux<ExecutionResult> counted(Publisher<?> results, SubscriptionProgress progress) {
        return Flux.from((Publisher<ExecutionResult>) results)
                .doOnNext(result -> progress.resultPassedOn())
                .onErrorMap(SubscriptionPublisherException.class, failure -> restated(failure, progress));
    }

    /** The failure with each SUBSCRIBER_TOO_SLOW error naming where the client really stands. */
    private static SubscriptionPublisherException restated(SubscriptionPublisherException failure,
                                                           SubscriptionProgress progress) {
        boolean tooSlow = failure.getErrors().stream()
                .anyMatch(error -> error.getErrorType() == GatewayErrorType.SUBSCRIBER_TOO_SLOW);
        if (!tooSlow) {
            return failure;
        }
        return new SubscriptionPublisherException(failure.getErrors().stream()
                .map(error -> error.getErrorType() == GatewayErrorType.SUBSCRIBER_TOO_SLOW
                        ? LiveFeedErrors.tooSlow(new SubscriberTooSlowException(progress.passedOnThrough()))
                        : error)
                .toList(), failure.getCause());
    }
}
