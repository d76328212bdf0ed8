package com.crashanalytics.persistence.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.crashanalytics.persistence.common.SqlTemplate;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.util.LiquibaseUtil;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Whether a start has anything to migrate, known without Liquibase (changeset 0450). After every migration that
 * succeeds, {@code schema_migration_record} gets two digests: of what was applied (every file beside the master
 * changelog, byte for byte, with Liquibase's version and the settings that choose what runs) and of
 * {@code databasechangelog} as the migration left it. A later start whose two digests are the same has the very
 * changelog that Liquibase last compared with this very record of applied changesets and found complete and
 * unedited, so Liquibase would apply nothing and refuse nothing: it is not run. Anything else (an edited, added or
 * removed file, a row of {@code databasechangelog} changed by hand, another release's migration, a setting) runs
 * Liquibase as every start did before, with its checks.
 *
 * <p>Liquibase always runs when the changelog could re-run something on its own (a {@code runAlways} or
 * {@code runOnChange} changeset, a precondition) or when a setting asks for more than an update (drop first, clear
 * checksums, test rollback, a rollback file, other tables or schemas for its bookkeeping).
 */
final class MigrationRecord {

    /** Words in a change file that make a migration depend on more than which changesets ran. */
    private static final String[] RERUNS = {"runalways", "runonchange", "precondition"};

    /** databasechangelog's rows, in the order they ran, as one digest: any row added, removed or changed moves it. */
    private static final String APPLIED_DIGEST = """
            SELECT count(*) || ':' || coalesce(md5(string_agg(concat_ws('|', id, author, filename, md5sum, exectype), ','
                                                          ORDER BY orderexecuted, id, author, filename)), '')
            FROM databasechangelog""";

    private static final String READ = SqlTemplate.sql("""
            SELECT changelog_digest, applied_digest = ({appliedDigest}) AS applied_unchanged
            FROM schema_migration_record""").with("appliedDigest", APPLIED_DIGEST).text();

    private static final String WRITE = SqlTemplate.sql("""
            INSERT INTO schema_migration_record (changelog_digest, applied_digest, recorded_at)
            VALUES (?, ({appliedDigest}), now())
            ON CONFLICT (singleton) DO UPDATE
            SET changelog_digest = excluded.changelog_digest, applied_digest = excluded.applied_digest,
                recorded_at = excluded.recorded_at""").with("appliedDigest", APPLIED_DIGEST).text();

    /** The relation is missing: a database migrated by a release before changeset 0450, or none yet. */
    private static final String UNDEFINED_TABLE = "42P01";

    private final Optional<String> changelogDigest;

    private MigrationRecord(Optional<String> changelogDigest) {
        this.changelogDigest = changelogDigest;
    }

    /**
     * What {@code liquibase} would apply, as a digest; none when a setting or the changelog's contents mean Liquibase
     * must run whatever the record says. {@code parameters}: the changelog's parameters and
     * {@code writesRollbackFile}, settings the bean does not show ({@code spring.liquibase.parameters.*},
     * {@code spring.liquibase.rollback-file}).
     */
    static MigrationRecord of(SpringLiquibase liquibase, Map<String, String> parameters, boolean writesRollbackFile) {
        if (writesRollbackFile || !onlyUpdates(liquibase)) {
            return new MigrationRecord(Optional.empty());
        }
        return new MigrationRecord(changelogDigest(liquibase, parameters));
    }

    /** What the database's record says of this start's migration. */
    enum Verdict {
        UP_TO_DATE("the changelog is the one last applied and no changeset was recorded since"),
        ALWAYS_RUNS("a setting or a change file asks for more than applying new changesets"),
        NOT_RECORDED("no migration recorded yet"),
        CHANGELOG_CHANGED("the changelog differs from the one last applied"),
        CHANGESETS_CHANGED("databasechangelog changed since the last migration");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** Whether Liquibase has anything to do here: {@link Verdict#UP_TO_DATE} when it has not. */
    Verdict verdict(Connection connection) throws SQLException {
        if (changelogDigest.isEmpty()) {
            return Verdict.ALWAYS_RUNS;
        }
        try (PreparedStatement read = connection.prepareStatement(READ); ResultSet row = read.executeQuery()) {
            if (!row.next()) {
                return Verdict.NOT_RECORDED;
            }
            if (!changelogDigest.get().equals(row.getString("changelog_digest"))) {
                return Verdict.CHANGELOG_CHANGED;
            }
            return row.getBoolean("applied_unchanged") ? Verdict.UP_TO_DATE : Verdict.CHANGESETS_CHANGED;
        } catch (SQLException missing) {
            if (UNDEFINED_TABLE.equals(missing.getSQLState())) {
                return Verdict.NOT_RECORDED;
            }
            throw missing;
        }
    }

    /** After Liquibase succeeded: this changelog and the changesets it left are what the next start compares. */
    void record(Connection connection) throws SQLException {
        if (changelogDigest.isEmpty()) {
            return;
        }
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            write.setString(1, changelogDigest.get());
            write.executeUpdate();
        } catch (SQLException missing) {
            // A changelog without changeset 0450 (another application's, a test's): nothing to record in.
            if (!UNDEFINED_TABLE.equals(missing.getSQLState())) {
                throw missing;
            }
        }
    }

    String describe() {
        return changelogDigest.map(digest -> digest.substring(0, 12)).orElse("none");
    }

    private static boolean onlyUpdates(SpringLiquibase liquibase) {
        return !liquibase.isDropFirst() && !liquibase.isClearCheckSums() && !liquibase.isTestRollbackOnUpdate()
                && liquibase.getCustomizer() == null
                && Stream.of(liquibase.getTag(), liquibase.getDefaultSchema(), liquibase.getLiquibaseSchema(),
                                liquibase.getLiquibaseTablespace())
                        .allMatch(setting -> setting == null || setting.isBlank())
                && isDefault(liquibase.getDatabaseChangeLogTable(), "databasechangelog")
                && isDefault(liquibase.getDatabaseChangeLogLockTable(), "databasechangeloglock");
    }

    /** Unset, or set to Liquibase's own default as Spring Boot does. */
    private static boolean isDefault(String table, String defaultName) {
        return table == null || table.isBlank() || table.equalsIgnoreCase(defaultName);
    }

    /**
     * SHA-256 over Liquibase's version, the settings that choose changesets, and every file in the master changelog's
     * folder (and below) by its path relative to the master's folder; none if a file could re-run a changeset.
     */
    private static Optional<String> changelogDigest(SpringLiquibase liquibase, Map<String, String> parameters) {
        ResourceLoader loader = liquibase.getResourceLoader() != null
                ? liquibase.getResourceLoader() : new DefaultResourceLoader();
        String master = liquibase.getChangeLog();
        String folder = master.substring(0, master.lastIndexOf('/') + 1);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, "liquibase " + LiquibaseUtil.getBuildVersion());
            update(digest, "changelog " + master);
            update(digest, "contexts " + liquibase.getContexts());
            update(digest, "labels " + liquibase.getLabelFilter());
            new TreeMap<>(parameters).forEach((name, value) -> update(digest, "parameter " + name + "=" + value));
            String masterUri = loader.getResource(master).getURI().toString();
            String folderUri = masterUri.substring(0, masterUri.lastIndexOf('/') + 1);
            Resource[] files = ResourcePatternUtils.getResourcePatternResolver(loader).getResources(folder + "**/*");
            Arrays.sort(files, Comparator.comparing(MigrationRecord::uri));
            for (Resource file : files) {
                String uri = uri(file);
                if (!file.isReadable() || uri.endsWith("/")) {
                    continue;
                }
                byte[] content;
                try (InputStream in = file.getInputStream()) {
                    content = in.readAllBytes();
                }
                String text = new String(content, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                if (Arrays.stream(RERUNS).anyMatch(text::contains)) {
                    return Optional.empty();
                }
                String name = uri.startsWith(folderUri) ? uri.substring(folderUri.length()) : uri;
                update(digest, "file " + name + " " + content.length);
                digest.update(content);
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("could not read the changelog beside " + master, unreadable);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    private static String uri(Resource resource) {
        try {
            return resource.getURI().toString();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
