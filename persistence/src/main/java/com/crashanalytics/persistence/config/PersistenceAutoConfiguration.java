package com.crashanalytics.persistence.config;

import com.crashanalytics.domain.analytics.multipliers.MultiplierReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.quality.DataQualityReadModel;
import com.crashanalytics.domain.analytics.signals.SignalReadModel;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.persistence.analytics.JdbcDataQualityReadModel;
import com.crashanalytics.persistence.analytics.JdbcMultiplierReadModel;
import com.crashanalytics.persistence.analytics.JdbcPerformanceReadModel;
import com.crashanalytics.persistence.analytics.JdbcSignalReadModel;
import com.crashanalytics.persistence.bot.JdbcBotRegistry;
import com.crashanalytics.persistence.common.JdbcTransactions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Contributes the PostgreSQL adapters of the domain's outbound ports. The application never names these
 * classes (it cannot: persistence is a runtime-only dependency); it receives the ports as beans.
 */
@AutoConfiguration(after = {JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
public class PersistenceAutoConfiguration {

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new JdbcTransactions(transactionManager);
    }

    @Bean
    BotRegistry botRegistry(JdbcClient jdbc) {
        return new JdbcBotRegistry(jdbc);
    }

    @Bean
    PerformanceReadModel performanceReadModel(JdbcClient jdbc) {
        return new JdbcPerformanceReadModel(jdbc);
    }

    @Bean
    MultiplierReadModel multiplierReadModel(JdbcClient jdbc) {
        return new JdbcMultiplierReadModel(jdbc);
    }

    @Bean
    SignalReadModel signalReadModel(JdbcClient jdbc) {
        return new JdbcSignalReadModel(jdbc);
    }

    @Bean
    DataQualityReadModel dataQualityReadModel(JdbcClient jdbc) {
        return new JdbcDataQualityReadModel(jdbc);
    }
}
