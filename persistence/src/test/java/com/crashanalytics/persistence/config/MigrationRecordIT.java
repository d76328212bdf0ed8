package com.crashanalytics.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.crashanalytics.persistence.testing.TestPostgres;
import liquibase.Liquibase;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * A start runs Liquibase only when there may be something to apply or to refuse (changeset 0450, {@link
 * MigrationRecord}): each start migrates as the application context would, through {@link OneMigrationAtATime}
 * around Liquibase's initialisation, and a bean that counts Liquibase's updates tells whether it ran.
 */
class MigrationRecordIT {

    private static final String RECORD_CHANGESET = "0450-record-applied-changelog.yaml";

    @TempDir
    Path changelogFolder;

    @Test
    void theGatewaysChangelogIsAppliedOnceThenLeftAloneWhileNothingChanges() {
        DataSource database = freshDatabase("record_gateway_changelog");
        String changelog = "classpath:db/changelog/db.changelog-master.yaml";

        assertThat(migrate(database, changelog)).as("first start: migrates").isTrue();
        int applied = count(database, "databasechangelog");
        assertThat(count(database, "schema_migration_record")).isEqualTo(1);

        assertThat(migrate(database, changelog)).as("second start: nothing to apply").isFalse();
        assertThat(migrate(database, changelog)).as("third start").isFalse();
        assertThat(count(database, "databasechangelog")).isEqualTo(applied);
    }

    @Test
    void anAddedChangeSetIsAppliedAndTheNextStartSkipsAgain() throws IOException {
        DataSource database = freshDatabase("record_added_changeset");
        writeChangelog("0001-bots.yaml");
        assertThat(migrate(database, changelog())).isTrue();
        assertThat(migrate(database, changelog())).isFalse();

        writeChangelog("0001-bots.yaml", "0002-sessions.yaml");
        assertThat(migrate(database, changelog())).as("a new change file").isTrue();
        assertThat(tableExists(database, "record_test_sessions")).isTrue();
        assertThat(migrate(database, changelog())).as("applied and recorded").isFalse();
    }

    @Test
    void anEditedChangeSetStillStopsTheStart() throws IOException {
        DataSource database = freshDatabase("record_edited_changeset");
        writeChangelog("0001-bots.yaml");
        assertThat(migrate(database, changelog())).isTrue();

        Files.writeString(changelogFolder.resolve("0001-bots.yaml"), changeSet("0001-bots",
                "CREATE TABLE IF NOT EXISTS record_test_bots (id bigint PRIMARY KEY, name text)"));
        assertThatThrownBy(() -> migrate(database, changelog()))
                .as("Liquibase ran and refused the edited changeset")
                .hasStackTraceContaining("check sum");
    }

    @Test
    void aChangelogRowChangedByHandRunsLiquibase() throws IOException {
        DataSource database = freshDatabase("record_changed_by_hand");
        writeChangelog("0001-bots.yaml", "0002-sessions.yaml");
        assertThat(migrate(database, changelog())).isTrue();
        new JdbcTemplate(database).update("DELETE FROM databasechangelog WHERE id = '0002-sessions'");

        assertThat(migrate(database, changelog())).as("databasechangelog no longer what was recorded").isTrue();
        assertThat(new JdbcTemplate(database).queryForObject(
                "SELECT count(*) FROM databasechangelog WHERE id = '0002-sessions'", Integer.class))
                .as("re-applied").isEqualTo(1);
        assertThat(migrate(database, changelog())).isFalse();
    }

    @Test
    void aChangeSetThatMayRunAgainOrASettingBeyondAnUpdateAlwaysRunsLiquibase() throws IOException {
        DataSource database = freshDatabase("record_always_runs");
        writeChangelog("0001-bots.yaml");
        assertThat(migrate(database, changelog())).isTrue();
        assertThat(migrate(database, changelog(), liquibase -> liquibase.setContexts("reports")))
                .as("other contexts choose other changesets").isTrue();
        assertThat(migrate(database, changelog(), liquibase -> liquibase.setClearCheckSums(true)))
                .as("clear checksums").isTrue();
        assertThat(migrate(database, changelog(), liquibase -> { }, Map.of("owner", "bots")))
                .as("a changelog parameter").isTrue();
        assertThat(migrate(database, changelog())).as("the last migration recorded had a parameter").isTrue();
        assertThat(migrate(database, changelog())).as("recorded again without").isFalse();

        Files.writeString(changelogFolder.resolve("0003-heartbeat.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 0003-heartbeat
                      author: test
                      runAlways: true
                      changes:
                        - sql: { sql: "SELECT 1" }
                """);
        writeChangelog("0001-bots.yaml", "0003-heartbeat.yaml");
        assertThat(migrate(database, changelog())).isTrue();
        assertThat(migrate(database, changelog())).as("a changeset that runs on every start").isTrue();
    }

    private boolean migrate(DataSource database, String changelog) {
        return migrate(database, changelog, liquibase -> { });
    }

    private boolean migrate(DataSource database, String changelog, Consumer<SpringLiquibase> settings) {
        return migrate(database, changelog, settings, Map.of());
    }

    /** One start's migration; true if Liquibase ran. */
    private boolean migrate(DataSource database, String changelog, Consumer<SpringLiquibase> settings,
                            Map<String, String> parameters) {
        MockEnvironment environment = new MockEnvironment();
        parameters.forEach((name, value) -> environment.setProperty("spring.liquibase.parameters." + name, value));
        OneMigrationAtATime migrations = new OneMigrationAtATime(environment);
        CountingLiquibase liquibase = new CountingLiquibase();
        liquibase.setDataSource(database);
        liquibase.setChangeLog(changelog);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.setChangeLogParameters(parameters);
        settings.accept(liquibase);
        try {
            migrations.migrate(liquibase);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
        return liquibase.updates > 0;
    }

    /** Counts Liquibase's updates: a bean told not to run returns before it opens the changelog. */
    private static final class CountingLiquibase extends SpringLiquibase {
        int updates;

        @Override
        protected void performUpdate(Liquibase liquibase) throws LiquibaseException {
            updates++;
            super.performUpdate(liquibase);
        }
    }

    private String changelog() {
        return changelogFolder.resolve("db.changelog-master.yaml").toUri().toString();
    }

    /** A master listing the files given, after the gateway's own record changeset (copied beside them). */
    private void writeChangelog(String... files) throws IOException {
        try (var record = new DefaultResourceLoader().getResource("classpath:db/changelog/" + RECORD_CHANGESET)
                .getInputStream()) {
            Files.write(changelogFolder.resolve(RECORD_CHANGESET), record.readAllBytes());
        }
        StringBuilder master = new StringBuilder("databaseChangeLog:\n");
        master.append("  - include: { file: ").append(RECORD_CHANGESET).append(", relativeToChangelogFile: true }\n");
        for (String file : files) {
            Path path = changelogFolder.resolve(file);
            if (!Files.exists(path)) {
                String id = file.replace(".yaml", "");
                String table = "record_test_" + id.substring(id.indexOf('-') + 1);
                Files.writeString(path, changeSet(id, "CREATE TABLE IF NOT EXISTS " + table + " (id bigint PRIMARY KEY)"),
                        StandardCharsets.UTF_8);
            }
            master.append("  - include: { file: ").append(file).append(", relativeToChangelogFile: true }\n");
        }
        Files.writeString(changelogFolder.resolve("db.changelog-master.yaml"), master, StandardCharsets.UTF_8);
    }

    private static String changeSet(String id, String sql) {
        return """
                databaseChangeLog:
                  - changeSet:
                      id: %s
                      author: test
                      changes:
                        - sql: { sql: "%s" }
                """.formatted(id, sql);
    }

    private static DataSource freshDatabase(String name) {
        TestPostgres postgres = TestPostgres.get();
        return new DriverManagerDataSource(postgres.createDatabase(name), postgres.username(), postgres.password());
    }

    private static int count(DataSource database, String table) {
        return new JdbcTemplate(database).queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private static boolean tableExists(DataSource database, String table) {
        return Boolean.TRUE.equals(new JdbcTemplate(database).queryForObject(
                "SELECT to_regclass(?) IS NOT NULL", Boolean.class, table));
    }
}
