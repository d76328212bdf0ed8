package com.crashanalytics.api.config;

import java.time.Clock;

import com.crashanalytics.domain.access.ApiKeyAuthenticationService;
import com.crashanalytics.domain.access.ApiKeyManagementService;
import com.crashanalytics.domain.access.ApiKeyRegistry;
import com.crashanalytics.domain.access.EnvironmentAdminKey;
import com.crashanalytics.domain.bot.BotRegistrationService;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.bot.RegisterBotUseCase;
import com.crashanalytics.domain.common.Transactions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The composition root: wires the domain's use cases (plain Java) to the outbound ports that the persistence
 * adapter contributes. Controllers see only the use-case interfaces.
 */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RegisterBotUseCase registerBotUseCase(BotRegistry bots, Transactions transactions, Clock clock) {
        return new BotRegistrationService(bots, transactions, clock);
    }

    /** {@code GATEWAY_ADMIN_KEY}, read from the environment only (never from a file in the repository). */
    @Bean
    EnvironmentAdminKey environmentAdminKey(@Value("${gateway.admin-key:}") String adminKey, Clock clock) {
        return EnvironmentAdminKey.of(adminKey, clock.instant());
    }

    @Bean
    ApiKeyAuthenticationService apiKeyAuthentication(ApiKeyRegistry keys, Clock clock, EnvironmentAdminKey admin) {
        return new ApiKeyAuthenticationService(keys, clock, admin);
    }

    /** Issues, revokes and lists keys, and ensures an admin on start (IssueApiKeyUseCase, RevokeApiKeyUseCase, ...). */
    @Bean
    ApiKeyManagementService apiKeyManagement(ApiKeyRegistry keys, Transactions transactions, Clock clock,
                                             EnvironmentAdminKey admin) {
        return new ApiKeyManagementService(keys, transactions, clock, admin);
    }
}
