package com.crashanalytics.api.config;

import java.time.Clock;

import com.crashanalytics.domain.bot.BotRegistrationService;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.bot.RegisterBotUseCase;
import com.crashanalytics.domain.common.Transactions;
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
}
