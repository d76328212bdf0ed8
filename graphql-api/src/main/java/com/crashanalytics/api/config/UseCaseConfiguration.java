package com.crashanalytics.api.config;

import java.time.Clock;
import java.time.Duration;

import com.crashanalytics.api.bot.BotSettings;
import com.crashanalytics.api.session.SessionSettings;
import com.crashanalytics.domain.access.ApiKeyAuthenticationService;
import com.crashanalytics.domain.analytics.currency.ExchangeRateService;
import com.crashanalytics.domain.analytics.currency.ExchangeRates;
import com.crashanalytics.domain.analytics.currency.SetExchangeRateUseCase;
import com.crashanalytics.domain.access.ApiKeyManagementService;
import com.crashanalytics.domain.access.ApiKeyRegistry;
import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.audit.AuditTrail;
import com.crashanalytics.domain.audit.Auditor;
import com.crashanalytics.domain.access.EnvironmentAdminKey;
import com.crashanalytics.domain.bot.BotRegistrationService;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.bot.BotStatusRules;
import com.crashanalytics.domain.bot.ConfigurePlatformUseCase;
import com.crashanalytics.domain.bot.PlatformConfigurationService;
import com.crashanalytics.domain.bot.PlatformRegistry;
import com.crashanalytics.domain.bot.RegisterBotUseCase;
import com.crashanalytics.domain.common.IdGenerator;
import com.crashanalytics.domain.common.ScheduledWorkLock;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.diagnostics.DiagnosticsLog;
import com.crashanalytics.domain.diagnostics.DiagnosticsService;
import com.crashanalytics.domain.diagnostics.LogDiagnosticsUseCase;
import com.crashanalytics.domain.live.EventJournal;
import com.crashanalytics.domain.prediction.PredictionBook;
import com.crashanalytics.domain.prediction.PredictionService;
import com.crashanalytics.domain.recovery.RestartRecoveryService;
import com.crashanalytics.domain.recovery.ResumeUseCase;
import com.crashanalytics.domain.round.CrashSightings;
import com.crashanalytics.domain.round.LogRoundDetailUseCase;
import com.crashanalytics.domain.round.LogRoundUseCase;
import com.crashanalytics.domain.round.RoundAnnouncements;
import com.crashanalytics.domain.round.RoundDetailService;
import com.crashanalytics.domain.round.RoundLogbook;
import com.crashanalytics.domain.round.RoundLoggingService;
import com.crashanalytics.domain.round.RoundReadModel;
import com.crashanalytics.domain.session.CapitalEventLog;
import com.crashanalytics.domain.session.CapitalEventService;
import com.crashanalytics.domain.session.LogCapitalEventUseCase;
import com.crashanalytics.domain.session.SessionAnnouncements;
import com.crashanalytics.domain.session.SessionLifecycleService;
import com.crashanalytics.domain.session.SessionLog;
import com.crashanalytics.domain.session.SessionSilence;
import com.crashanalytics.domain.session.StaleSessionWatch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The composition root: wires the domain's use cases (plain Java) to the outbound ports that the persistence
 * adapter contributes. Controllers see only the use-case interfaces.
 */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {

    /** Ticks in microseconds, what PostgreSQL keeps: a time the gateway answers reads back the same. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** When a session is stale and a bot IDLE or in ERROR. */
    @Bean
    BotStatusRules botStatusRules(SessionSettings sessions, BotSettings bots) {
        return new BotStatusRules(sessions.staleAfter(), bots.idleAfter(), bots.errorWindow());
    }

    /**
     * Writes changes to bots, platforms, API keys and alert rules into the audit trail, with the request's key as the
     * author (the {@link Authorship} of the security configuration).
     */
    @Bean
    Auditor auditor(AuditTrail trail, Authorship authorship, Clock clock) {
        return new Auditor(trail, authorship, clock);
    }

    @Bean
    RegisterBotUseCase registerBotUseCase(BotRegistry bots, Transactions transactions, Clock clock, Auditor auditor) {
        return new BotRegistrationService(bots, transactions, clock, auditor);
    }

    /** {@code GATEWAY_ADMIN_KEY}, read from the environment only (never from a file in the repository). */
    @Bean
    EnvironmentAdminKey environmentAdminKey(GatewaySettings settings, Clock clock) {
        return EnvironmentAdminKey.of(settings.adminKey() == null ? "" : settings.adminKey(), clock.instant());
    }

    @Bean
    ApiKeyAuthenticationService apiKeyAuthentication(ApiKeyRegistry keys, Clock clock, EnvironmentAdminKey admin) {
        return new ApiKeyAuthenticationService(keys, clock, admin);
    }

    /** Issues, revokes and lists keys, and ensures an admin on start (IssueApiKeyUseCase, RevokeApiKeyUseCase, ...). */
    @Bean
    ApiKeyManagementService apiKeyManagement(ApiKeyRegistry keys, Transactions transactions, Clock clock,
                                             EnvironmentAdminKey admin, Auditor auditor) {
        return new ApiKeyManagementService(keys, transactions, clock, admin, auditor);
    }

    @Bean
    SetExchangeRateUseCase setExchangeRateUseCase(ExchangeRates rates, Transactions transactions, Clock clock) {
        return new ExchangeRateService(rates, transactions, clock);
    }

    @Bean
    ConfigurePlatformUseCase configurePlatformUseCase(PlatformRegistry platforms, Transactions transactions, Clock clock,
                                                      Auditor auditor) {
        return new PlatformConfigurationService(platforms, transactions, clock, auditor);
    }

    /** Start, heartbeat and end: one service behind three use cases. */
    @Bean
    SessionLifecycleService sessionLifecycle(SessionLog sessions, BotRegistry bots, PlatformRegistry platforms,
                                             Transactions transactions, EventJournal journal) {
        return new SessionLifecycleService(sessions, bots, platforms, transactions, new SessionAnnouncements(journal));
    }

    @Bean
    ResumeUseCase resumeUseCase(BotRegistry bots, SessionLog sessions, RoundReadModel rounds,
                                Transactions transactions) {
        return new RestartRecoveryService(bots, sessions, rounds, transactions);
    }

    @Bean
    LogRoundUseCase logRoundUseCase(RoundLogbook logbook, BotRegistry bots, PlatformRegistry platforms, IdGenerator ids,
                                    Transactions transactions, EventJournal journal, CrashSightings sightings,
                                    PredictionService predictions, Authorship authorship) {
        return new RoundLoggingService(logbook, bots, platforms, ids, transactions,
                new RoundAnnouncements(journal, sightings), predictions, authorship);
    }

    /** Logs predictions (LogPredictionUseCase) and judges them as rounds are logged (the rounds' CrashPointJudge). */
    @Bean
    PredictionService predictionService(PredictionBook book, PlatformRegistry platforms, IdGenerator ids,
                                        Transactions transactions, EventJournal events) {
        return new PredictionService(book, platforms, ids, transactions, events);
    }

    /** Announces sessions going stale on the live feed; {@code LiveFeedSchedule} runs it. */
    @Bean
    StaleSessionWatch staleSessionWatch(SessionSilence silence, ScheduledWorkLock lock, EventJournal journal,
                                        Transactions transactions, BotStatusRules statusRules) {
        return new StaleSessionWatch(silence, lock, new SessionAnnouncements(journal), transactions,
                statusRules.staleAfter());
    }

    @Bean
    LogRoundDetailUseCase logRoundDetailUseCase(RoundLogbook logbook, SessionLog sessions, IdGenerator ids,
                                                Transactions transactions) {
        return new RoundDetailService(logbook, sessions, ids, transactions);
    }

    @Bean
    LogDiagnosticsUseCase logDiagnosticsUseCase(DiagnosticsLog log, SessionLog sessions, BotRegistry bots,
                                                IdGenerator ids, Transactions transactions) {
        return new DiagnosticsService(log, sessions, bots, ids, transactions);
    }

    @Bean
    LogCapitalEventUseCase logCapitalEventUseCase(CapitalEventLog log, SessionLog sessions, BotRegistry bots,
                                                  IdGenerator ids, Transactions transactions) {
        return new CapitalEventService(log, sessions, bots, ids, transactions);
    }
}
