package com.crashanalytics.benchmarks.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class StartupLogTest {

    private static final String PREFIX = "  INFO 32013 --- [crash-analytics-gateway] [           main] ";

    private static String line(String instant, String logger, String message) {
        return instant + PREFIX + String.format("%-40s", logger) + " : " + message;
    }

    /** A first launch, then a second appended to the same log, as GatewayProcess writes it. */
    private static final List<String> TWO_LAUNCHES = List.of(
            line("2026-12-04T14:30:43.756Z", "c.crashanalytics.api.GatewayApplication",
                    "Starting GatewayApplication v0.1.0-SNAPSHOT using Java 17.0.15 with PID 25004"),
            line("2026-12-04T14:30:54.963Z", "o.s.boot.tomcat.TomcatWebServer", "Tomcat initialized with port 34031 (http)"),
            line("2026-12-04T14:31:05.762Z", "liquibase.database", "Set default schema name to public"),
            line("2026-12-04T14:31:13.364Z", "liquibase.ui", "Liquibase: Update has been successful. Rows affected: 40"),
            line("2026-12-04T14:31:28.282Z", "c.crashanalytics.api.GatewayApplication",
                    "Started GatewayApplication in 49.18 seconds (process running for 53.005)"),
            "",
            "  .   ____          _            __ _ _",
            line("2026-12-04T14:37:17.999Z", "c.crashanalytics.api.GatewayApplication",
                    "Starting GatewayApplication v0.1.0-SNAPSHOT using Java 17.0.15 with PID 32013"),
            line("2026-12-04T14:37:18.064Z", "c.crashanalytics.api.GatewayApplication",
                    "No active profile set, falling back to 1 default profile: \"default\""),
            line("2026-12-04T14:37:33.134Z", "o.s.boot.tomcat.TomcatWebServer", "Tomcat initialized with port 47761 (http)"),
            line("2026-12-04T14:37:33.149Z", "o.apache.catalina.core.StandardService", "Starting service [Tomcat]"),
            line("2026-12-04T14:37:33.149Z", "o.apache.catalina.core.StandardEngine",
                    "Starting Servlet engine: [Apache Tomcat/11.0.27]"),
            line("2026-12-04T14:37:36.296Z", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed."),
            line("2026-12-04T14:37:36.588Z", "liquibase.database", "Set default schema name to public"),
            "Multi-line continuation without a timestamp",
            line("2026-12-04T14:37:38.802Z", "liquibase.changelog", "Database is up to date, no changesets to execute"),
            line("2026-12-04T14:37:38.849Z", "liquibase.command", "Command execution complete"),
            line("2026-12-04T14:37:46.368Z", "s.e.DefaultSchemaResourceGraphQlSourceBuilder",
                    "Loaded 1 resource(s) in the GraphQL schema."),
            line("2026-12-04T14:37:57.296Z", "c.crashanalytics.api.GatewayApplication",
                    "Started GatewayApplication in 45.637 seconds (process running for 50.163)"));

    @Test
    void splits_the_last_launch_into_its_stages_in_order() {
        assertThat(StartupLog.stages(TWO_LAUNCHES)).containsExactly(
                entry(StartupLog.JVM, 10.866),          // 14:37:57.296 - 50.163 s = 14:37:07.133, to 14:37:17.999
                entry(StartupLog.CONTEXT, 15.135),
                entry(StartupLog.DATABASE, 3.454),
                entry(StartupLog.MIGRATIONS, 2.261),
                entry(StartupLog.BEANS, 18.447),
                entry(StartupLog.STARTED, 50.163));
    }

    @Test
    void a_start_that_did_not_run_liquibase_migrates_in_no_time() {
        List<String> launch = List.of(
                line("2026-12-06T01:59:19.989Z", "c.crashanalytics.api.GatewayApplication",
                        "Starting GatewayApplication v0.1.0-SNAPSHOT using Java 17.0.15 with PID 6"),
                line("2026-12-06T01:59:23.549Z", "o.s.boot.tomcat.TomcatWebServer", "Tomcat initialized with port 18080 (http)"),
                line("2026-12-06T01:59:24.313Z", "com.zaxxer.hikari.HikariDataSource", "gateway-embedded - Start completed."),
                line("2026-12-06T01:59:24.402Z", "c.c.p.config.OneMigrationAtATime", "Database migration: the changelog"
                        + " is the one last applied and no changeset was recorded since (changelog digest f045033feec9);"
                        + " Liquibase not run"),
                line("2026-12-06T01:59:29.106Z", "c.crashanalytics.api.GatewayApplication",
                        "Started GatewayApplication in 10.067 seconds (process running for 11.021)"));

        assertThat(StartupLog.stages(launch)).containsExactly(
                entry(StartupLog.JVM, 1.904),
                entry(StartupLog.CONTEXT, 3.56),
                entry(StartupLog.DATABASE, 0.853),
                entry(StartupLog.MIGRATIONS, 0.0),
                entry(StartupLog.BEANS, 4.704),
                entry(StartupLog.STARTED, 11.021));
    }

    @Test
    void a_migration_on_a_thread_of_its_own_runs_beside_the_other_beans() {
        String migrationThread = "  INFO 6 --- [crash-analytics-gateway] [abase-migration] ";
        List<String> launch = List.of(
                line("2026-12-06T09:12:55.011Z", "c.crashanalytics.api.GatewayApplication",
                        "Starting GatewayApplication v0.1.0-SNAPSHOT using Java 17.0.15 with PID 6"),
                line("2026-12-06T09:12:59.065Z", "o.s.boot.tomcat.TomcatWebServer", "Tomcat initialized with port 18080 (http)"),
                "2026-12-06T09:13:00.039Z" + migrationThread + String.format("%-40s", "c.c.p.config.OneMigrationAtATime")
                        + " : Database migration: no migration recorded yet (changelog digest f045033feec9); Liquibase runs",
                line("2026-12-06T09:13:01.944Z", "s.e.DefaultSchemaResourceGraphQlSourceBuilder",
                        "Loaded 1 resource(s) in the GraphQL schema."),
                "2026-12-06T09:13:04.572Z" + migrationThread + String.format("%-40s", "liquibase.command")
                        + " : Command execution complete",
                line("2026-12-06T09:13:05.422Z", "c.crashanalytics.api.GatewayApplication",
                        "Started GatewayApplication in 11.447 seconds (process running for 12.519)"));

        assertThat(StartupLog.stages(launch)).containsExactly(
                entry(StartupLog.JVM, 2.108),
                entry(StartupLog.CONTEXT, 4.054),
                entry(StartupLog.DATABASE, 0.974),
                entry(StartupLog.MIGRATIONS, 4.533),
                entry(StartupLog.BEANS, 5.383),
                entry(StartupLog.STARTED, 12.519));
    }

    @Test
    void leaves_out_the_stages_whose_marks_are_missing() {
        List<String> stillStarting = TWO_LAUNCHES.subList(0, 12);

        assertThat(StartupLog.stages(stillStarting)).containsOnlyKeys(StartupLog.CONTEXT);
        assertThat(StartupLog.stages(List.of("no log at all"))).isEmpty();
    }
}
