package com.crashanalytics.api.testing;

import java.lang.annotation.ElementType;
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
 * {@link TestApiKeys}. Rate limits are lifted out of the way of ordinary tests ({@code RateLimitIT} tests them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.admin-key=" + TestApiKeys.ADMIN,
        "gateway.rate-limit.admin=1000000/1s",
        "gateway.rate-limit.bot=1000000/1s",
        "gateway.rate-limit.dashboard=1000000/1s",
        "gateway.rate-limit.metrics=1000000/1s",
        // The fleet gauges read the database at start and then on demand (DomainMetricsIT): a background refresh
        // would land among the statements that tests count and explain.
        "gateway.metrics.fleet-refresh-interval=1h"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ExtendWith(CleanDatabaseExtension.class)
public @interface GatewayIntegrationTest {
}
