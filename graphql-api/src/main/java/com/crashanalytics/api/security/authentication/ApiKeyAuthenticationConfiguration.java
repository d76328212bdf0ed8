package com.crashanalytics.api.security.authentication;

import com.crashanalytics.domain.access.AuthenticateApiKeyUseCase;
import com.crashanalytics.domain.access.EnsureAdminUseCase;
import com.crashanalytics.domain.access.EnvironmentAdminKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;

/**
 * Who is calling: an API key, presented as {@code Bearer <key>} in the HTTP header ({@link BearerKeyFilter}, placed in
 * the filter chain by {@code SecurityConfiguration}) or in a WebSocket's {@code connection_init}, checked against the
 * stored key hashes, and handed to GraphQL ({@link Callers}) and to the audit trail ({@link RequestAuthorship}).
 */
@Configuration(proxyBeanMethods = false)
public class ApiKeyAuthenticationConfiguration {

    @Bean
    AuthenticationManager apiKeyAuthenticationManager(AuthenticateApiKeyUseCase keys) {
        return new ProviderManager(new ApiKeyAuthenticationProvider(keys));
    }

    @Bean
    @Order(1)
    AuthenticationWebSocketInterceptor webSocketAuthentication(AuthenticationManager authentication) {
        return new AuthenticationWebSocketInterceptor(new ConnectionInitKeyExtractor(), authentication);
    }

    @Bean
    @Order(2)
    CallerContextInterceptor callerContextInterceptor() {
        return new CallerContextInterceptor();
    }

    /** Who writes: the caller of the root field being run, for every row written and every audited change. */
    @Bean
    RequestAuthorship requestAuthorship() {
        return new RequestAuthorship();
    }

    @Bean
    AdminKeyBootstrap adminKeyBootstrap(EnsureAdminUseCase admins, EnvironmentAdminKey environmentAdmin) {
        return new AdminKeyBootstrap(admins, environmentAdmin.isConfigured());
    }
}
