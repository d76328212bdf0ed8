package com.crashanalytics.persistence.config;

import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.beans.factory.support.MergedBeanDefinitionPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Migrates the database on a thread of its own while the rest of the gateway is built (issue 14: start to first
 * answer under 10 s). On a first start, Liquibase applying every changeset took 2-3 s of the main thread, which
 * only waited through it for PostgreSQL; the GraphQL schema, security and the web layer need no table to be built.
 *
 * <ul>
 *   <li>Spring does not initialise Liquibase's bean; once it is configured, {@link OneMigrationAtATime} migrates with
 *       it on the {@value #THREAD} thread.</li>
 *   <li>Every data source of the context is handed out behind a {@link MigrationGate}: whatever asks for a
 *       connection first waits for the migration, so no statement meets a schema half migrated.</li>
 *   <li>The context is not ready before the migration is done: the last step of building the beans waits for it,
 *       so no port opens and no scheduled job runs before, and a failed migration fails the start.</li>
 *   <li>A context closed while the migration runs (another bean failed the start, or the process was told to stop)
 *       waits for it before the data source and the database stop (Liquibase's bean is destroyed before the data
 *       source it was built with): a migration cut off mid-changeset would leave Liquibase's lock taken, and the
 *       next start waiting for it.</li>
 * </ul>
 */
final class MigrationBesideTheStart implements MergedBeanDefinitionPostProcessor, DestructionAwareBeanPostProcessor,
        BeanFactoryAware, SmartInitializingSingleton {

    static final String THREAD = "database-migration";

    private static final Logger log = LoggerFactory.getLogger(MigrationBesideTheStart.class);
    private static final String LIQUIBASE_INITIALISATION = "afterPropertiesSet";

    private final OneMigrationAtATime migrations;
    private final MigrationGate gate = new MigrationGate(this::beginMigration);
    private final AtomicBoolean begun = new AtomicBoolean();
    private volatile @Nullable Thread migration;
    private @Nullable ListableBeanFactory beans;
    /** Liquibase's bean, if the context has one: without it there is nothing to migrate and nothing to guard. */
    private @Nullable String liquibaseBean;

    MigrationBesideTheStart(OneMigrationAtATime migrations) {
        this.migrations = migrations;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        if (beanFactory instanceof ListableBeanFactory listable) {
            // Post-processors are made once every bean is defined: the name is known, and no bean is made to find it.
            String[] names = listable.getBeanNamesForType(SpringLiquibase.class, true, false);
            this.beans = listable;
            this.liquibaseBean = names.length > 0 ? names[0] : null;
        }
    }

    /** Spring does not call Liquibase's initialisation, which migrates: the migration thread does. */
    @Override
    public void postProcessMergedBeanDefinition(RootBeanDefinition definition, Class<?> beanType, String beanName) {
        if (SpringLiquibase.class.isAssignableFrom(beanType)) {
            definition.registerExternallyManagedInitMethod(LIQUIBASE_INITIALISATION);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase) {
            migrateInBackground(liquibase);
        } else if (bean instanceof DataSource dataSource && !MigrationGate.isGuarded(bean) && liquibaseBean != null) {
            return gate.guard(dataSource);
        }
        return bean;
    }

    /** The last step of building the beans: the context is ready only with the database migrated. */
    @Override
    public void afterSingletonsInstantiated() {
        if (begun.get()) {
            gate.await();
        }
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof SpringLiquibase;
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        Thread running = migration;
        if (bean instanceof SpringLiquibase && running != null && running.isAlive()) {
            log.info("Database migration: waiting for it to finish before the gateway stops");
            try {
                running.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asked by the gate when a connection is wanted before Liquibase's bean was built: building it begins it. */
    private void beginMigration() {
        if (!begun.get() && beans != null && liquibaseBean != null) {
            beans.getBean(liquibaseBean);
        }
    }

    private void migrateInBackground(SpringLiquibase liquibase) {
        if (!begun.compareAndSet(false, true)) {
            return;
        }
        liquibase.setDataSource(MigrationGate.unguarded(liquibase.getDataSource()));
        Thread migrating = new Thread(() -> {
            try {
                migrations.migrate(liquibase);
                gate.open();
            } catch (RuntimeException | LiquibaseException failed) {
                // The start fails with the whole cause where it waits for the migration; one line here is enough.
                log.error("Database migration failed: {}", failed.toString());
                gate.fail(failed);
            }
        }, THREAD);
        migrating.setDaemon(true);
        migration = migrating;
        migrating.start();
    }
}
