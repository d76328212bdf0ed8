package com.crashanalytics.persistence.config;

import java.time.Duration;

import com.crashanalytics.domain.access.ApiKeyRegistry;
import com.crashanalytics.domain.access.BotOwnership;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.persistence.access.JdbcApiKeyRegistry;
import com.crashanalytics.persistence.access.JdbcBotOwnership;
import com.crashanalytics.persistence.bot.JdbcBotRegistry;
import com.crashanalytics.persistence.common.JdbcTransactions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Contributes the PostgreSQL adapters of the domain's outbound ports. The application never names these
 * classes (it cannot: persistence is a runtime-only dependency); it receives the ports as beans.
 */
@AutoConfiguration(after = {JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
public class PersistenceAutoConfiguration {

    /** {@code GATEWAY_READ_STATEMENT_TIMEOUT}: how long one statement of a read may run (0 = no limit). */
    static final String READ_STATEMENT_TIMEOUT = "gateway.read-statement-timeout";
    static final Duration DEFAULT_READ_STATEMENT_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager, JdbcClient jdbc, Environment environment) {
        Duration readTimeout = Binder.get(environment).bind(READ_STATEMENT_TIMEOUT, Duration.class)
                .orElse(DEFAULT_READ_STATEMENT_TIMEOUT);
        return new JdbcTransactions(transactionManager, jdbc, readTimeout);
    }

    @Bean
    BotRegistry botRegistry(JdbcClient jdbc) {
        return new JdbcBotRegistry(jdbc);
    }

    @Bean
    ApiKeyRegistry apiKeyRegistry(JdbcClient jdbc) {
        return new JdbcApiKeyRegistry(jdbc);
    }

    @Bean
    BotOwnership botOwnership(JdbcClient jdbc) {
        return new JdbcBotOwnership(jdbc);
    }
}
