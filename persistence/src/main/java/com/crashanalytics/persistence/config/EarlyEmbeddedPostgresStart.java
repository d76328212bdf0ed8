package com.crashanalytics.persistence.config;

import java.util.List;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL as soon as the application's settings are known, before Spring reads its
 * configuration classes and builds the context (issue 14: start to first answer under 10 s). Started by the
 * {@code embeddedPostgres} bean instead, the database's start ({@code initdb} on a first start, the postmaster's
 * start and recovery on every start) came after some 3 s of bean definitions, and the start waited for it; here it
 * runs beside them. {@link EmbeddedDatabaseAutoConfiguration} takes the launch over; when this listener sees no reason to start
 * (a database configured, auto-configuration off or the embedded database excluded), the auto-configuration starts
 * the database itself as before, so this only ever moves a start earlier.
 *
 * <p>Registered in {@code META-INF/spring.factories}: it must run before the context refreshes, when only the
 * environment (every initializer's properties included) and the application's own classes are there.
 */
public final class EarlyEmbeddedPostgresStart implements ApplicationListener<ApplicationPreparedEvent> {

    /** The name the launch is registered under; {@link EmbeddedDatabaseAutoConfiguration} finds it by type. */
    static final String LAUNCH_BEAN = "embeddedPostgresLaunch";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        ConfigurableListableBeanFactory beans = event.getApplicationContext().getBeanFactory();
        if (!embeddedDatabaseWillBeUsed(environment, beans) || beans.containsSingleton(LAUNCH_BEAN)) {
            return;
        }
        GatewayDatabaseProperties settings = Binder.get(environment)
                .bindOrCreate("gateway", GatewayDatabaseProperties.class);
        EmbeddedPostgresLaunch launch = EmbeddedPostgresLaunch.begin(settings);
        beans.registerSingleton(LAUNCH_BEAN, launch);
        // A singleton registered by hand is not destroyed with the context unless asked: the database must stop
        // with the context, also when the context fails before any bean used it.
        if (beans instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(LAUNCH_BEAN, launch::close);
        }
    }

    /** The conditions of {@link EmbeddedDatabaseAutoConfiguration}, as far as they can be known before the refresh. */
    static boolean embeddedDatabaseWillBeUsed(ConfigurableEnvironment environment, ConfigurableListableBeanFactory beans) {
        // Read as Spring Boot's AutoConfigurationImportSelector reads its exclusions: bound, so a YAML list counts too.
        List<String> excluded = Binder.get(environment)
                .bind("spring.autoconfigure.exclude", Bindable.listOf(String.class)).orElse(List.of());
        return DatabaseNotConfigured.in(environment)
                && environment.getProperty(EnableAutoConfiguration.ENABLED_OVERRIDE_PROPERTY, Boolean.class, true)
                && beans.getBeanNamesForAnnotation(EnableAutoConfiguration.class).length > 0
                && excluded.stream().map(String::trim).noneMatch(EmbeddedDatabaseAutoConfiguration.class.getName()::equals);
    }
}
