package com.crashanalytics.api.live;

import java.util.Map;

import com.crashanalytics.api.error.GatewayErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * How a feed that cannot go on ends: with an error that tells the client what to do next (where to resume), in the
 * {@code error} message of graphql-transport-ws.
 */
@Component
class LiveFeedErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable failure) {
        if (failure instanceof SubscriberTooSlowException tooSlow) {
            return tooSlow(tooSlow);
        }
        if (failure instanceof ResumeExpiredException expired) {
            return GraphqlErrorBuilder.newError().errorType(GatewayErrorType.RESUME_EXPIRED)
                    .message(expired.getMessage()).extensions(Map.of("forgottenThrough", expired.forgottenThrough()))
                    .build();
        }
        return null;
    }

    /** The error a feed too slow for its buffer ends with: where to resume, as a message and as data. */
    static GraphQLError tooSlow(SubscriberTooSlowException tooSlow) {
        return GraphqlErrorBuilder.newError().errorType(GatewayErrorType.SUBSCRIBER_TOO_SLOW)
                .message(tooSlow.getMessage()).extensions(Map.of("resumeAfter", tooSlow.resumeAfter())).build();
    }
}
