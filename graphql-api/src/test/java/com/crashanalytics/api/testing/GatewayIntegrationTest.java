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
 * database for the whole run), emptied before each test. Talk to it with {@link GraphQlClient}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ExtendWith(CleanDatabaseExtension.class)
public @interface GatewayIntegrationTest {
}
