package com.crashanalytics.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit with 413 before anything reads it, ahead of authentication and GraphQL.
 * A declared {@code Content-Length} is checked at once; a body without one (chunked) is read up to the limit
 * and refused as soon as it passes it, so memory per request stays bounded either way.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ErrorResponses errors;

    RequestSizeFilter(long maxBytes, ErrorResponses errors) {
        this.maxBytes = maxBytes;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            errors.tooLarge(response, maxBytes);
            return;
        }
        if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            errors.tooLarge(response, maxBytes);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }
}
