package com.crashanalytics.api.live;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Where one subscription really stands: the events its feed handed to the GraphQL engine, in order, and how many of
 * their results the engine passed on to be sent. The two differ when a feed fails: graphql-java ends a subscription
 * the moment its source fails and drops the results it is still executing ({@code CompletionStageSubscriber.onError}
 * "does not wait for any promises"), so the last event the feed handed over may be past the last one the client
 * gets. The resume point a failed feed names is therefore the last event whose result was passed on.
 *
 * <p>The engine maps events to results one for one and in order, so counting results is enough to know which.
 */
final class SubscriptionProgress {

    /** The key under which {@link SubscriptionProgressInterceptor} puts a request's progress in its GraphQLContext. */
    static final String CONTEXT_KEY = "liveSubscriptionProgress";

    private final Queue<Long> handedOver = new ConcurrentLinkedQueue<>();
    private volatile long passedOnThrough;

    /** The feed starts after this event: what a client resuming at once would name. */
    void startsAfter(long eventId) {
        passedOnThrough = eventId;
    }

    /** The feed handed this event to the engine. */
    void handedOver(long eventId) {
        handedOver.add(eventId);
    }

    /** The engine passed on the result of the oldest event it had not yet answered for. */
    void resultPassedOn() {
        Long eventId = handedOver.poll();
        if (eventId != null) {
            passedOnThrough = eventId;
        }
    }

    /** The last event whose result went on to the client: resuming after it misses nothing. */
    long passedOnThrough() {
        return passedOnThrough;
    }
}
