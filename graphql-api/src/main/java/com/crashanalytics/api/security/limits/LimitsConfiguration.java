package com.crashanalytics.api.security.limits;

import com.crashanalytics.api.error.ErrorResponses;
import com.crashanalytics.domain.access.SharedTokenBuckets;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/**
 * How much a caller may send: the body's size and integrity (before Spring Security), the key's rate limit (over HTTP
 * in the filter chain, see {@link #rateLimitFilter}; over WebSocket per operation), and the document's aliases, root
 * fields, depth, complexity and tokens.
 */
@Configuration(proxyBeanMethods = false)
public class LimitsConfiguration {

    /** The rate limit over HTTP, for {@code SecurityConfiguration} to place after authorization. */
    public static Filter rateLimitFilter(RateLimiter rateLimiter, ErrorResponses errors) {
        return new RateLimitFilter(rateLimiter, errors);
    }

    @Bean
    RateLimiter rateLimiter(RateLimits limits, ObjectProvider<SharedTokenBuckets> sharedBuckets) {
        // Persistence contributes the shared buckets unless GATEWAY_RATE_LIMIT_SHARED=false.
        return new RateLimiter(limits, sharedBuckets.getIfAvailable());
    }

    @Bean
    BodyUploads bodyUploads(BodyUploads.Limits limits) {
        return new BodyUploads(limits);
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(QueryLimits limits, BodyUploads uploads, ErrorResponses errors) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter(limits.maxRequestSize().toBytes(), uploads, errors));
        // Ahead of Spring Security (at -100): a huge anonymous body costs nothing either.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<GraphQlBodyFilter> graphQlBodyFilter(JsonMapper json, BodyUploads uploads, QueryLimits limits,
                                                                ErrorResponses errors) {
        FilterRegistrationBean<GraphQlBodyFilter> registration = new FilterRegistrationBean<>(
                new GraphQlBodyFilter(json, uploads, limits.maxRequestSize().toBytes(), errors));
        // Right after the size check and still ahead of Spring Security: bytes that are no text are refused unread.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** After the authentication's interceptors (orders 1 and 2), which have put the caller in place. */
    @Bean
    @Order(3)
    WebSocketLimitsInterceptor webSocketLimitsInterceptor(QueryLimits limits, RateLimiter rateLimiter) {
        return new WebSocketLimitsInterceptor(limits, rateLimiter);
    }

    @Bean
    @Order(1)
    DocumentLimitsInstrumentation documentLimits(QueryLimits limits) {
        return new DocumentLimitsInstrumentation(limits);
    }
}
