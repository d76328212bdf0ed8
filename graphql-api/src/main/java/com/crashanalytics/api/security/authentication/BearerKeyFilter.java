package com.crashanalytics.api.security.authentication;

import java.io.IOException;
import java.util.Optional;

import com.crashanalytics.api.error.DatabaseAvailability;
import com.crashanalytics.api.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an HTTP request by its {@code Authorization: Bearer <key>} header. A request without the header
 * stays anonymous (the authorization rules then decide: 401 on {@code /graphql}); a header with an unknown,
 * revoked or malformed key is answered 401 at once.
 */
public final class BearerKeyFilter extends OncePerRequestFilter {

    private final AuthenticationManager authentication;
    private final ErrorResponses errors;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    // The async dispatch that writes a GraphQL answer finds the caller here (this filter runs once per request).
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    public BearerKeyFilter(AuthenticationManager authentication, ErrorResponses errors) {
        this.authentication = authentication;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller;
        try {
            Optional<String> key = BearerKeys.parse(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (key.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            caller = authentication.authenticate(ApiKeyAuthentication.presented(key.get()));
        } catch (AuthenticationException refused) {
            contexts.clearContext();
            if (DatabaseAvailability.isAway(refused)) {
                errors.unavailable(response, "while checking the API key", refused);
            } else {
                errors.unauthorized(response, refused.getMessage());
            }
            return;
        } catch (RuntimeException failed) {
            if (!DatabaseAvailability.isAway(failed)) {
                throw failed;
            }
            // The key could not be looked up: the database is away, not the key wrong.
            contexts.clearContext();
            errors.unavailable(response, "while checking the API key", failed);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(caller);
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
