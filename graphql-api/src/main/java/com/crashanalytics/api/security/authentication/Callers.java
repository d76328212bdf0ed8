package com.crashanalytics.api.security.authentication;

import java.util.Optional;

import com.crashanalytics.domain.access.ApiKey;
import graphql.GraphQLContext;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.util.context.ContextView;

/**
 * Where a GraphQL request finds who sent it: the authenticated {@link ApiKey} in the request's
 * {@link GraphQLContext} under {@value #CONTEXT_KEY}. A controller that must restrict what it returns (a policy
 * with {@link com.crashanalytics.api.security.access.BotScope#filteredByResolver()}) takes it as
 * {@code @ContextValue ApiKey caller}.
 */
public final class Callers {

    /** The context key; equal to the parameter name {@code caller} so {@code @ContextValue} finds it by name. */
    public static final String CONTEXT_KEY = "caller";

    private Callers() {
    }

    public static Optional<ApiKey> of(GraphQLContext context) {
        return Optional.ofNullable(context.get(CONTEXT_KEY));
    }

    /**
     * The caller of a request not yet running, as Spring Security authenticated it: over WebSocket from the
     * connection_init (Spring's AuthenticationWebSocketInterceptor puts it in the Reactor context); over HTTP from
     * the request's thread.
     */
    public static Optional<ApiKey> of(WebGraphQlRequest request, ContextView reactorContext) {
        Optional<SecurityContext> context = reactorContext.getOrEmpty(SecurityContext.class.getName());
        if (context.isEmpty() && !(request instanceof WebSocketGraphQlRequest)) {
            context = Optional.of(SecurityContextHolder.getContext());
        }
        return context.map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getPrincipal)
                .filter(ApiKey.class::isInstance)
                .map(ApiKey.class::cast);
    }
}
