package com.crashanalytics.api.security.authentication;

import com.crashanalytics.domain.access.AuthenticateApiKeyUseCase;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Checks a presented key with the domain; the same for HTTP requests and WebSocket connections. */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    static final String REFUSED = "unknown or revoked API key";

    private final AuthenticateApiKeyUseCase keys;

    ApiKeyAuthenticationProvider(AuthenticateApiKeyUseCase keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object presented = authentication.getCredentials();
        if (!(presented instanceof String key)) {
            throw new BadCredentialsException(REFUSED);
        }
        return keys.authenticate(key)
                .map(ApiKeyAuthentication::authenticated)
                .orElseThrow(() -> new BadCredentialsException(REFUSED));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
