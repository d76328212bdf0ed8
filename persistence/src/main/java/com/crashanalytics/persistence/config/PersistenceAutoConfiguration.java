package com.crashanalytics.persistence.config;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.crashanalytics.domain.lifecycle.DatabaseSizeReadModel;
import com.crashanalytics.domain.lifecycle.ExclusiveJobs;
import com.crashanalytics.domain.lifecycle.RetentionStore;
import com.crashanalytics.domain.lifecycle.RoundPartitions;
import com.crashanalytics.domain.lifecycle.RoundExports;
import com.crashanalytics.persistence.lifecycle.JdbcDatabaseSizeReadModel;
import com.crashanalytics.persistence.lifecycle.JdbcRetentionStore;
import com.crashanalytics.persistence.lifecycle.JdbcRoundPartitions;
import com.crashanalytics.persistence.lifecycle.JdbcRoundExports;
import com.crashanalytics.persistence.lifecycle.PostgresAdvisoryLocks;
import com.crashanalytics.domain.access.ApiKeyRegistry;
import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.alert.AlertConditions;
import com.crashanalytics.domain.alert.AlertDeliveries;
import com.crashanalytics.domain.alert.AlertLog;
import com.crashanalytics.domain.alert.AlertReadModel;
import com.crashanalytics.domain.alert.AlertRuleBook;
import com.crashanalytics.domain.access.BotOwnership;
import com.crashanalytics.domain.bot.BotReadModel;
import com.crashanalytics.domain.bot.BotStatusRules;
import com.crashanalytics.domain.analytics.multipliers.MultiplierReadModel;
import com.crashanalytics.domain.analytics.edge.LuckOrEdgeReadModel;
import com.crashanalytics.domain.analytics.ruin.StakingReadModel;
import com.crashanalytics.domain.analytics.integrity.PlatformIntegrityReadModel;
import com.crashanalytics.domain.analytics.replay.StrategyReplayReadModel;
import com.crashanalytics.domain.analytics.performance.DirtyRollups;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.quality.DataQualityReadModel;
import com.crashanalytics.domain.analytics.signals.SignalReadModel;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesReadModel;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.bot.PlatformReadModel;
import com.crashanalytics.domain.common.IdGenerator;
import com.crashanalytics.domain.common.ScheduledWorkLock;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.diagnostics.DiagnosticsLog;
import com.crashanalytics.domain.diagnostics.DiagnosticsReadModel;
import com.crashanalytics.domain.live.JournalWakeups;
import com.crashanalytics.domain.round.CrashSightings;
import com.crashanalytics.domain.session.SessionSilence;
import com.crashanalytics.domain.round.RoundLogbook;
import com.crashanalytics.domain.round.RoundReadModel;
import com.crashanalytics.domain.prediction.PredictionBook;
import com.crashanalytics.domain.prediction.PredictionReadModel;
import com.crashanalytics.domain.session.CapitalEventLog;
import com.crashanalytics.domain.session.FleetActivityReadModel;
import com.crashanalytics.domain.session.SessionLog;
import com.crashanalytics.domain.session.SessionReadModel;
import com.crashanalytics.persistence.access.JdbcApiKeyRegistry;
import com.crashanalytics.persistence.access.JdbcBotOwnership;
import com.crashanalytics.persistence.alert.JdbcAlertConditions;
import com.crashanalytics.persistence.alert.JdbcAlertDeliveries;
import com.crashanalytics.persistence.alert.JdbcAlertLog;
import com.crashanalytics.persistence.alert.JdbcAlertReadModel;
import com.crashanalytics.persistence.alert.JdbcAlertRuleBook;
import com.crashanalytics.persistence.bot.JdbcBotReadModel;
import com.crashanalytics.persistence.audit.JdbcAuditTrail;
import com.crashanalytics.persistence.analytics.JdbcDataQualityReadModel;
import com.crashanalytics.persistence.analytics.JdbcLuckOrEdgeReadModel;
import com.crashanalytics.persistence.analytics.JdbcStakingReadModel;
import com.crashanalytics.persistence.currency.JdbcExchangeRates;
import com.crashanalytics.persistence.analytics.JdbcPlatformIntegrityReadModel;
import com.crashanalytics.persistence.analytics.JdbcStrategyReplayReadModel;
import com.crashanalytics.persistence.analytics.JdbcMultiplierReadModel;
import com.crashanalytics.persistence.analytics.JdbcDirtyRollups;
import com.crashanalytics.persistence.analytics.JdbcPerformanceReadModel;
import com.crashanalytics.persistence.analytics.JdbcSignalReadModel;
import com.crashanalytics.persistence.analytics.JdbcTimeSeriesReadModel;
import com.crashanalytics.persistence.bot.JdbcBotRegistry;
import com.crashanalytics.persistence.bot.JdbcPlatformReadModel;
import com.crashanalytics.persistence.common.AdvisoryScheduledWorkLock;
import com.crashanalytics.persistence.common.GroupCommit;
import com.crashanalytics.persistence.common.JdbcTransactions;
import com.crashanalytics.persistence.common.ReadRouting;
import com.crashanalytics.persistence.common.UuidV7Generator;
import com.crashanalytics.persistence.diagnostics.JdbcDiagnosticsLog;
import com.crashanalytics.persistence.diagnostics.JdbcDiagnosticsReadModel;
import com.crashanalytics.persistence.round.JdbcRoundLogbook;
import com.crashanalytics.persistence.live.JdbcCrashSightings;
import com.crashanalytics.persistence.live.JdbcEventJournal;
import com.crashanalytics.persistence.live.JdbcSessionSilence;
import com.crashanalytics.persistence.live.PgJournalWakeups;
import com.crashanalytics.persistence.round.JdbcRoundReadModel;
import com.crashanalytics.persistence.prediction.JdbcPredictionBook;
import com.crashanalytics.persistence.prediction.JdbcPredictionReadModel;
import com.crashanalytics.persistence.session.JdbcCapitalEventLog;
import com.crashanalytics.persistence.session.JdbcFleetActivityReadModel;
import com.crashanalytics.persistence.session.JdbcSessionLog;
import com.crashanalytics.persistence.session.JdbcSessionReadModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Contributes the PostgreSQL adapters of the domain's outbound ports. The application never names these
 * classes (it cannot: persistence is a runtime-only dependency); it receives the ports as beans.
 */
@AutoConfiguration(after = {JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class})
public class PersistenceAutoConfiguration {

    /** {@code GATEWAY_READ_STATEMENT_TIMEOUT}: how long one statement of a read may run (0 = no limit). */
    static final String READ_STATEMENT_TIMEOUT = "gateway.read-statement-timeout";
    static final Duration DEFAULT_READ_STATEMENT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * {@code GATEWAY_GROUP_COMMIT_MAX_WRITES}: how many concurrent single-round writes may share one transaction and
     * one COMMIT (see GroupCommit); 0 = each write its own transaction.
     */
    static final String GROUP_COMMIT_MAX_WRITES = "gateway.group-commit-max-writes";
    static final int DEFAULT_GROUP_COMMIT_MAX_WRITES = 64;

    /** The database migrates beside the rest of the start; replicas started together one after the other. */
    @Bean
    static MigrationBesideTheStart migrationBesideTheStart(Environment environment) {
        return new MigrationBesideTheStart(new OneMigrationAtATime(environment));
    }

    /** Reads that may lag go to the read replica when one is configured (ReadReplicaAutoConfiguration). */
    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager, JdbcClient jdbc, Environment environment,
                              ObjectProvider<ReadRouting> readReplica, DataSource dataSource) {
        Binder binder = Binder.get(environment);
        Duration readTimeout = binder.bind(READ_STATEMENT_TIMEOUT, Duration.class).orElse(DEFAULT_READ_STATEMENT_TIMEOUT);
        int groupCommitMaxWrites = binder.bind(GROUP_COMMIT_MAX_WRITES, Integer.class)
                .orElse(DEFAULT_GROUP_COMMIT_MAX_WRITES);
        return new JdbcTransactions(transactionManager, jdbc, readTimeout,
                readReplica.getIfAvailable(() -> ReadRouting.PRIMARY_ONLY),
                groupCommitMaxWrites > 0 ? new GroupCommit(dataSource, groupCommitMaxWrites) : null);
    }

    @Bean
    BotRegistry botRegistry(JdbcClient jdbc, Authorship authorship) {
        return new JdbcBotRegistry(jdbc, authorship);
    }

    @Bean
    PerformanceReadModel performanceReadModel(JdbcClient jdbc) {
        return new JdbcPerformanceReadModel(jdbc);
    }

    @Bean
    LuckOrEdgeReadModel luckOrEdgeReadModel(JdbcClient jdbc) {
        return new JdbcLuckOrEdgeReadModel(jdbc);
    }

    /** The exchange-rate table: one adapter behind its write port and its read model. */
    @Bean
    JdbcExchangeRates exchangeRates(JdbcClient jdbc) {
        return new JdbcExchangeRates(jdbc);
    }

    @Bean
    StakingReadModel stakingReadModel(JdbcClient jdbc) {
        return new JdbcStakingReadModel(jdbc);
    }

    @Bean
    PlatformIntegrityReadModel platformIntegrityReadModel(JdbcClient jdbc) {
        return new JdbcPlatformIntegrityReadModel(jdbc);
    }

    @Bean
    StrategyReplayReadModel strategyReplayReadModel(JdbcClient jdbc) {
        return new JdbcStrategyReplayReadModel(jdbc);
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

    @Bean
    TimeSeriesReadModel timeSeriesReadModel(JdbcClient jdbc) {
        return new JdbcTimeSeriesReadModel(jdbc);
    }

    @Bean
    ApiKeyRegistry apiKeyRegistry(JdbcClient jdbc, Authorship authorship) {
        return new JdbcApiKeyRegistry(jdbc, authorship);
    }

    @Bean
    BotOwnership botOwnership(JdbcClient jdbc) {
        return new JdbcBotOwnership(jdbc);
    }

    @Bean
    ScheduledWorkLock scheduledWorkLock(JdbcClient jdbc) {
        return new AdvisoryScheduledWorkLock(jdbc);
    }

    @Bean
    IdGenerator idGenerator() {
        return new UuidV7Generator();
    }

    // The platform registry (cached, emptied on every replica by notification) is ReplicaCoordinationAutoConfiguration's.

    @Bean
    SessionLog sessionLog(JdbcClient jdbc, JdbcTemplate batches, Authorship authorship) {
        return new JdbcSessionLog(jdbc, batches, authorship);
    }

    @Bean
    CapitalEventLog capitalEventLog(JdbcClient jdbc, Authorship authorship) {
        return new JdbcCapitalEventLog(jdbc, authorship);
    }

    @Bean
    RoundLogbook roundLogbook(JdbcClient jdbc, JdbcTemplate batches, Authorship authorship) {
        return new JdbcRoundLogbook(jdbc, batches, authorship);
    }

    @Bean
    PredictionBook predictionBook(JdbcClient jdbc, JdbcTemplate batches, Authorship authorship) {
        return new JdbcPredictionBook(jdbc, batches, authorship);
    }

    @Bean
    PredictionReadModel predictionReadModel(JdbcClient jdbc) {
        return new JdbcPredictionReadModel(jdbc);
    }

    @Bean
    JdbcEventJournal eventJournal(JdbcClient jdbc) {
        return new JdbcEventJournal(jdbc);
    }

    @Bean
    JournalWakeups journalWakeups(DataSource dataSource, JdbcEventJournal eventJournal) {
        return new PgJournalWakeups(dataSource, eventJournal.numberingMark());
    }

    @Bean
    CrashSightings crashSightings(JdbcClient jdbc) {
        return new JdbcCrashSightings(jdbc);
    }

    @Bean
    SessionSilence sessionSilence(JdbcClient jdbc) {
        return new JdbcSessionSilence(jdbc);
    }

    @Bean
    DiagnosticsLog diagnosticsLog(JdbcClient jdbc, JdbcTemplate template, Authorship authorship) {
        return new JdbcDiagnosticsLog(jdbc, template, authorship);
    }

    // Read models of the dashboards' read path: pages by keyset, many parents per statement.

    @Bean
    BotReadModel botReadModel(JdbcClient jdbc, BotStatusRules statusRules, Clock clock) {
        return new JdbcBotReadModel(jdbc, statusRules, clock);
    }

    @Bean
    SessionReadModel sessionReadModel(JdbcClient jdbc, BotStatusRules statusRules, Clock clock) {
        return new JdbcSessionReadModel(jdbc, statusRules.staleAfter(), clock);
    }

    @Bean
    RoundReadModel roundReadModel(JdbcClient jdbc) {
        return new JdbcRoundReadModel(jdbc);
    }

    @Bean
    DiagnosticsReadModel diagnosticsReadModel(JdbcClient jdbc) {
        return new JdbcDiagnosticsReadModel(jdbc);
    }

    @Bean
    PlatformReadModel platformReadModel(JdbcClient jdbc) {
        return new JdbcPlatformReadModel(jdbc);
    }

    @Bean
    AlertReadModel alertReadModel(JdbcClient jdbc) {
        return new JdbcAlertReadModel(jdbc);
    }

    // Alerts: rules, the conditions they watch, the alerts raised and their deliveries.

    @Bean
    AlertRuleBook alertRuleBook(JdbcClient jdbc, Authorship authorship) {
        return new JdbcAlertRuleBook(jdbc, authorship);
    }

    // Audit: the history of configuration changes (every writing adapter above also stamps its rows with the
    // request's key from the application's Authorship).

    @Bean
    JdbcAuditTrail auditTrail(JdbcClient jdbc) { // the trail the Auditor appends to and its read model
        return new JdbcAuditTrail(jdbc);
    }

    @Bean
    AlertConditions alertConditions(JdbcClient jdbc) {
        return new JdbcAlertConditions(jdbc);
    }

    @Bean
    AlertLog alertLog(JdbcClient jdbc) {
        return new JdbcAlertLog(jdbc);
    }

    @Bean
    AlertDeliveries alertDeliveries(JdbcClient jdbc) {
        return new JdbcAlertDeliveries(jdbc);
    }

    // Data lifecycle: sizes, exports, retention (see the README's "Data lifecycle").

    @Bean
    DatabaseSizeReadModel databaseSizeReadModel(JdbcClient jdbc) {
        return new JdbcDatabaseSizeReadModel(jdbc);
    }

    @Bean
    RoundExports roundExports(DataSource dataSource) {
        return new JdbcRoundExports(dataSource);
    }

    @Bean
    DirtyRollups dirtyRollups(JdbcClient jdbc) {
        return new JdbcDirtyRollups(jdbc);
    }

    @Bean
    RetentionStore retentionStore(JdbcClient jdbc) {
        return new JdbcRetentionStore(jdbc);
    }

    @Bean
    RoundPartitions roundPartitions(JdbcClient jdbc) {
        return new JdbcRoundPartitions(jdbc);
    }

    @Bean
    ExclusiveJobs exclusiveJobs(DataSource dataSource) {
        return new PostgresAdvisoryLocks(dataSource);
    }

    @Bean
    FleetActivityReadModel fleetActivityReadModel(JdbcClient jdbc) {
        return new JdbcFleetActivityReadModel(jdbc);
    }
}
