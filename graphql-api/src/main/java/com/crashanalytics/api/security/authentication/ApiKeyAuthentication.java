package com.crashanalytics.api.security.authentication;

import java.util.List;

import com.crashanalytics.domain.access.ApiKey;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Spring Security's view of a caller: before authentication, the key as presented; after, the {@link ApiKey}
 * it belongs to, with its role as the authority {@code ROLE_ADMIN}, {@code ROLE_BOT}, {@code ROLE_DASHBOARD},
 * {@code ROLE_PREDICTOR} or {@code ROLE_METRICS}.
 * The presented key is dropped once authenticated.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final @Nullable String presentedKey;
    private final @Nullable ApiKey key;

    private ApiKeyAuthentication(@Nullable String presentedKey, @Nullable ApiKey key) {
        super(key == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + key.role().name())));
        this.presentedKey = presentedKey;
        this.key = key;
        setAuthenticated(key != null);
    }

    public static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(key, null);
    }

    static ApiKeyAuthentication authenticated(ApiKey key) {
        return new ApiKeyAuthentication(null, key);
    }

    /** The key as sent, until authenticated. */
    @Override
    public @Nullable Object getCredentials() {
        return presentedKey;
    }

    /** The authenticated key (never its secret), or null before authentication. */
    @Override
    public @Nullable ApiKey getPrincipal() {
        return key;
    }

    @Override
    public String getName() {
        return key == null ? "unauthenticated" : key.label() + " (" + key.prefix() + ")";
    }
}
