package com.crashanalytics.api.lifecycle;

import java.time.Clock;

import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.lifecycle.ExclusiveJobs;
import com.crashanalytics.domain.lifecycle.RetentionService;
import com.crashanalytics.domain.lifecycle.RetentionStore;
import com.crashanalytics.domain.lifecycle.RoundExportService;
import com.crashanalytics.domain.lifecycle.RoundExports;
import com.crashanalytics.domain.lifecycle.RoundPartitions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the data lifecycle's use cases (exports, retention) and turns on the scheduler retention runs on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DataLifecycleConfiguration {

    @Bean
    RoundExportService roundExportService(RoundExports exports, Transactions transactions) {
        return new RoundExportService(exports, transactions);
    }

    @Bean
    RetentionService retentionService(RetentionSettings settings, RetentionStore store, RoundPartitions partitions,
                                      ExclusiveJobs jobs, Transactions transactions, Clock clock) {
        return new RetentionService(settings.policy(), store, partitions, jobs, transactions, clock);
    }
}
