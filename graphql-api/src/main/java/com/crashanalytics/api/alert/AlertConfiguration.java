package com.crashanalytics.api.alert;

import java.security.SecureRandom;
import java.time.Clock;

import com.crashanalytics.domain.alert.AlertChannels;
import com.crashanalytics.domain.alert.AlertConditions;
import com.crashanalytics.domain.alert.AlertDeliveries;
import com.crashanalytics.domain.alert.AlertDeliveryService;
import com.crashanalytics.domain.alert.AlertEvaluationService;
import com.crashanalytics.domain.alert.AlertLog;
import com.crashanalytics.domain.alert.AlertRuleBook;
import com.crashanalytics.domain.alert.AlertRuleService;
import com.crashanalytics.domain.audit.Auditor;
import com.crashanalytics.domain.alert.RetryBackoff;
import com.crashanalytics.domain.common.ScheduledWorkLock;
import com.crashanalytics.domain.common.IdGenerator;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.live.EventJournal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the alert use cases to the persistence ports, the HTTP channels and the schedule. */
@Configuration(proxyBeanMethods = false)
public class AlertConfiguration {

    @Bean
    AlertChannels alertChannels(AlertSettings settings, Clock clock) {
        return new HttpAlertChannels(settings, clock);
    }

    @Bean
    AlertRuleService alertRuleService(AlertRuleBook rules, AlertLog log, AlertChannels channels,
                                      Transactions transactions, Clock clock, Auditor auditor) {
        return new AlertRuleService(rules, log, channels, transactions, clock, auditor);
    }

    @Bean
    AlertEvaluationService alertEvaluationService(AlertRuleBook rules, AlertConditions conditions, AlertLog log,
                                                  AlertDeliveries deliveries, EventJournal journal,
                                                  ScheduledWorkLock lock, IdGenerator ids,
                                                  Transactions transactions, Clock clock) {
        return new AlertEvaluationService(rules, conditions, log, deliveries, journal, lock, ids, transactions, clock);
    }

    @Bean
    AlertDeliveryService alertDeliveryService(AlertDeliveries deliveries, AlertChannels channels,
                                              AlertSettings settings, Transactions transactions, Clock clock) {
        RetryBackoff backoff = new RetryBackoff(settings.retryBase(), settings.retryMax(), settings.maxAttempts());
        SecureRandom random = new SecureRandom();
        return new AlertDeliveryService(deliveries, channels, backoff, settings.deliveryLease(), transactions, clock,
                random::nextDouble);
    }

    @Bean
    AlertSchedule alertSchedule(AlertEvaluationService evaluation, AlertDeliveryService delivery, AlertSettings settings) {
        return new AlertSchedule(evaluation, delivery, settings);
    }
}
