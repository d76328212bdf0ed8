package com.crashanalytics.api.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.crashanalytics.persistence.testing.CleanDatabaseExtension;
import com.crashanalytics.persistence.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * An end-to-end test: the whole gateway on a random port, over the shared real PostgreSQL (one context and one
 * database for the whole run), emptied before each test. Talk to it with {@link GraphQlClient}, which sends the
 * test admin key {@link TestApiKeys#ADMIN} unless told otherwise; keys of other roles come from
 * {@link TestApiKeys}. Rate limits are lifted out of the way of ordinary tests ({@code RateLimitIT} tests them), and
 * scheduled work is off: the alert schedule (alert tests run evaluations and deliveries themselves), the
 * silent-session sweeper (a test that sweeps calls it: {@code SessionSweeperIT}), the expiry of overdue predictions
 * ({@code PredictionExpiryIT}), the recount of dirty rollups ({@code DirtyRollupRecountIT}), scheduled retention
 * ({@code RetentionIT} runs it) and the live feed's stale-session watch (one per context, all on one database, each
 * with its own stale-after; {@code LiveFeedLimitsIT} turns its own on).
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.admin-key=" + TestApiKeys.ADMIN,
        "gateway.rate-limit.admin=1000000/1s",
        "gateway.rate-limit.bot=1000000/1s",
        "gateway.rate-limit.dashboard=1000000/1s",
        // Alert tests evaluate and deliver when they choose (EvaluateAlertRulesUseCase, DeliverAlertsUseCase)
        "gateway.alerts.evaluation-interval=0",
        "gateway.alerts.delivery-interval=0",
        "gateway.sessions.sweep-interval=PT240H",
        "gateway.live.stale-sweep-interval=PT240H",
        // Predictions made hours ago by fixtures would expire under a judging test's feet (PredictionExpiryIT runs it).
        "gateway.predictions.expiry-interval=PT240H",
        // Fixtures leave rollups dirty on purpose, and tests count the statements a read sends (DirtyRollupRecountIT
        // runs the recount).
        "gateway.rollups.recount-interval=PT240H",
        // Retention runs when a test asks (RetentionIT), never at 03:30 in the middle of someone's fixture.
        "gateway.retention.schedule=-",
        "gateway.rate-limit.predictor=1000000/1s",
        "gateway.rate-limit.metrics=1000000/1s",
        // The fleet gauges read the database at start and then on demand (DomainMetricsIT): a background refresh
        // would land among the statements that tests count and explain.
        "gateway.metrics.fleet-refresh-interval=1h"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ExtendWith(CleanDatabaseExtension.class)
public @interface GatewayIntegrationTest {
}
