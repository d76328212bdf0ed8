package com.crashanalytics.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.mock.env.MockEnvironment;

/**
 * The early start guesses, before the context is built, whether {@link EmbeddedDatabaseAutoConfiguration} will
 * apply; it must never start a database for an application that will not use it.
 */
class EarlyEmbeddedPostgresStartTest {

    @EnableAutoConfiguration
    static class AutoConfiguredApplication {
    }

    static class PlainApplication {
    }

    @Test
    void anAutoConfiguredApplicationWithoutADatabaseUrlGetsTheEmbeddedDatabase() {
        assertThat(willStart(new MockEnvironment(), AutoConfiguredApplication.class)).isTrue();
        assertThat(willStart(new MockEnvironment().withProperty("spring.datasource.url", " "),
                AutoConfiguredApplication.class)).as("a blank URL, as an empty environment variable").isTrue();
    }

    @Test
    void nothingStartsWhereTheAutoConfigurationWouldNotApply() {
        assertThat(willStart(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/gateway"),
                AutoConfiguredApplication.class)).as("a database configured").isFalse();
        assertThat(willStart(new MockEnvironment(), PlainApplication.class)).as("no auto-configuration").isFalse();
        assertThat(willStart(new MockEnvironment().withProperty("spring.boot.enableautoconfiguration", "false"),
                AutoConfiguredApplication.class)).as("auto-configuration switched off").isFalse();
        assertThat(willStart(new MockEnvironment().withProperty("spring.autoconfigure.exclude",
                        "org.example.Other, " + EmbeddedDatabaseAutoConfiguration.class.getName()),
                AutoConfiguredApplication.class)).as("the embedded database excluded").isFalse();
        assertThat(willStart(new MockEnvironment().withProperty("spring.autoconfigure.exclude[0]",
                        EmbeddedDatabaseAutoConfiguration.class.getName()),
                AutoConfiguredApplication.class)).as("excluded in a YAML list").isFalse();
    }

    private static boolean willStart(MockEnvironment environment, Class<?> application) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerBeanDefinition("application", new RootBeanDefinition(application));
        return EarlyEmbeddedPostgresStart.embeddedDatabaseWillBeUsed(environment, beans);
    }
}
