package com.crashanalytics.api.security.limits;

import java.io.IOException;
import java.util.OptionalLong;

import com.crashanalytics.api.error.DatabaseAvailability;
import com.crashanalytics.api.error.ErrorResponses;
import com.crashanalytics.api.security.authentication.ApiKeyAuthentication;
import com.crashanalytics.domain.access.ApiKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over HTTP, a key over its allowance is answered 429 with {@code Retry-After} before the request is read:
 * nothing is parsed, nothing executed. (Over WebSocket the same limiter answers each operation with a
 * TOO_MANY_REQUESTS error, see {@link WebSocketLimitsInterceptor}.)
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ErrorResponses errors;

    RateLimitFilter(RateLimiter limiter, ErrorResponses errors) {
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        ApiKey key = caller instanceof ApiKeyAuthentication authenticated ? authenticated.getPrincipal() : null;
        if (key != null) {
            OptionalLong retryAfter;
            try {
                retryAfter = limiter.tryAcquire(key);
            } catch (RuntimeException failed) {
                if (!DatabaseAvailability.isAway(failed)) {
                    throw failed;
                }
                // The shared buckets are in the database: while it is away no allowance can be checked.
                errors.unavailable(response, "while checking the rate limit", failed);
                return;
            }
            if (retryAfter.isPresent()) {
                errors.tooManyRequests(response, retryAfter.getAsLong());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
