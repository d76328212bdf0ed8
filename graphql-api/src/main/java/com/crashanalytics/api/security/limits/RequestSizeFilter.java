package com.crashanalytics.api.security.limits;

import java.io.IOException;

import com.crashanalytics.api.error.ErrorResponses;
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
    private final BodyUploads uploads;
    private final ErrorResponses errors;

    RequestSizeFilter(long maxBytes, BodyUploads uploads, ErrorResponses errors) {
        this.maxBytes = maxBytes;
        this.uploads = uploads;
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
        byte[] body = uploads.readBody(request, response, maxBytes, errors);
        if (body == null) {
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }
}
