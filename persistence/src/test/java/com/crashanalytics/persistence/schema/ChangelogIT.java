package com.crashanalytics.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.crashanalytics.persistence.testing.BotSessions;
import com.crashanalytics.persistence.testing.TestPostgres;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Applies the real changelog to an empty database, as the gateway does on start, and checks that the data model
 * really refuses what the seed let through: NaN money, multipliers below 1, duplicate rounds, and the rest.
 */
class ChangelogIT {

    private static DriverManagerDataSource dataSource;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        dataSource = new DriverManagerDataSource(postgres.createDatabase("changelog_test"), postgres.username(),
                postgres.password());
        migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    private static void migrate() throws Exception {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
    }

    @BeforeEach
    void emptyTheTables() {
        jdbc.execute("TRUNCATE bot_vm_registration, game_platform_config, session_logs, crash_game_rounds, "
                + "api_clients RESTART IDENTITY CASCADE");
        BotSessions.insertBotWithSessions(jdbc, "s1");
    }

    @Test
    void createsTheSeedTablesAndTheGatewayOwn() {
        List<String> tables = jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", String.class);

        assertThat(tables).contains("bot_vm_registration", "game_platform_config", "crash_game_rounds",
                "analytics_round_multipliers", "analytics_round_signals", "analytics_round_outcomes",
                "session_logs", "error_logs", "ocr_validation_logs", "crash_games", "api_clients");
    }

    @Test
    void storesEveryTimeWithItsZone() {
        List<String> naiveTimestamps = jdbc.queryForList("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'
                  AND table_name NOT LIKE 'databasechangelog%'
                """, String.class);

        assertThat(naiveTimestamps).isEmpty();
    }

    /**
     * Only the rate-limit buckets may be unlogged (changesets 0411 and 0430: a crash refilling every allowance is
     * harmless; the first table is the previous release's, kept for a rolling upgrade);
     * anything acknowledged to a bot must be in the WAL, or a crash would lose it.
     */
    @Test
    void onlyTheRateLimitBucketsSkipTheWriteAheadLog() {
        List<String> unlogged = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relpersistence = 'u'
                """, String.class);

        assertThat(unlogged).containsExactlyInAnyOrder("rate_limit_buckets", "rate_limit_token_buckets");
    }

    @Test
    void knowsTheThreeBuiltInGamesWithTheirPublishedHouseEdge() {
        List<Map<String, Object>> games = jdbc.queryForList(
                "SELECT game_name, default_house_edge_percent FROM crash_games WHERE builtin ORDER BY game_name");

        assertThat(games).extracting(g -> g.get("game_name")).containsExactly("aviator", "aviatrix", "jetx");
        assertThat(games).allSatisfy(g ->
                assertThat(((java.math.BigDecimal) g.get("default_house_edge_percent"))).isEqualByComparingTo("3"));
    }

    @Test
    void acceptsAWellFormedRound() {
        insertRound(1, "10.00", "2.45");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM crash_game_rounds", Integer.class)).isEqualTo(1);
    }

    @Test
    void rejectsANaNStake() {
        assertThatThrownBy(() -> insertRound(1, "NaN", "2.45"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("crash_game_rounds_stake_value_check");
    }

    @Test
    void rejectsANegativeStake() {
        assertThatThrownBy(() -> insertRound(1, "-0.01", "2.45"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("crash_game_rounds_stake_value_check");
    }

    @Test
    void rejectsAMultiplierBelowOne() {
        assertThatThrownBy(() -> insertRound(1, "10", "0.99"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("crash_game_rounds_crash_multiplier_detected_check");
    }

    @Test
    void rejectsASecondRoundWithTheSameBotSessionAndNumber() {
        insertRound(7, "10", "2.45");

        assertThatThrownBy(() -> insertRound(7, "10", "3.10"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("uq_crash_game_rounds_identity");
    }

    @Test
    void rejectsAConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                    round_start_timestamp, stake_value, profit_loss_amount, round_outcome, content_fingerprint,
                    multiplier_detection_confidence)
                VALUES ('bot_1', 's1', 'aviator', 'dafabet', 1, now(), 10, -10, 'LOSS', 'f', 1.5)
                """))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("multiplier_detection_confidence_check");
    }

    @Test
    void letsABalanceReachZeroButNotBelow() {
        jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                    round_start_timestamp, stake_value, profit_loss_amount, round_outcome, content_fingerprint,
                    running_balance_before, running_balance_after)
                VALUES ('bot_1', 's1', 'aviator', 'dafabet', 1, now(), 10, -10, 'LOSS', 'f', 10, 0)
                """);

        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                    round_start_timestamp, stake_value, profit_loss_amount, round_outcome, content_fingerprint,
                    running_balance_after)
                VALUES ('bot_1', 's1', 'aviator', 'dafabet', 2, now(), 10, -10, 'LOSS', 'f', -10)
                """))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("running_balance_after_check");
    }

    @Test
    void refusesARoundOfAnUnknownBotOrUnconfiguredPlatform() {
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                    round_start_timestamp, stake_value, profit_loss_amount, round_outcome, content_fingerprint)
                VALUES ('bot_1', 's1', 'jetx', 'nowhere', 1, now(), 10, -10, 'LOSS', 'f')
                """))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("fk_round_platform");
    }

    @Test
    void refusesAnOutcomeOutsideTheClosedSet() {
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                    round_start_timestamp, stake_value, profit_loss_amount, round_outcome, content_fingerprint)
                VALUES ('bot_1', 's1', 'aviator', 'dafabet', 1, now(), 10, -10, 'LOST', 'f')
                """))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("crash_game_rounds_round_outcome_check");
    }

    @Test
    void storesOnlyHashedApiKeysOfTheRightLength() {
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO api_clients (label, role, key_prefix, key_hash) VALUES ('x', 'ADMIN', 'cag_', 'cag_plaintext'::bytea)"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("api_clients_key_hash_check");
    }

    @Test
    void keepsNoIndexThatAnotherIndexOfItsTableMakesRedundant() {
        // A plain (non-unique, non-partial, no expressions, no INCLUDE) B-tree whose key columns begin another B-tree's
        // key columns on the same table serves no scan the longer one does not: it only slows writes down.
        List<String> redundant = jdbc.queryForList("""
                SELECT a.indexrelid::regclass || ' (in ' || b.indexrelid::regclass || ')'
                FROM pg_index a
                JOIN pg_index b ON b.indrelid = a.indrelid AND b.indexrelid <> a.indexrelid
                JOIN pg_class ac ON ac.oid = a.indexrelid
                JOIN pg_class bc ON bc.oid = b.indexrelid
                JOIN pg_namespace n ON n.oid = ac.relnamespace AND n.nspname = 'public'
                WHERE NOT a.indisunique AND a.indpred IS NULL AND a.indexprs IS NULL AND a.indnatts = a.indnkeyatts
                  AND b.indexprs IS NULL AND b.indpred IS NULL AND ac.relam = bc.relam
                  AND a.indnkeyatts <= b.indnkeyatts
                  AND (b.indkey::text = a.indkey::text OR b.indkey::text LIKE a.indkey::text || ' %')
                  AND (a.indnkeyatts < b.indnkeyatts OR a.indexrelid > b.indexrelid)
                ORDER BY 1
                """, String.class);

        assertThat(redundant).isEmpty();
    }

    @Test
    void applyingTheChangelogAgainChangesNothing() throws Exception {
        int applied = jdbc.queryForObject("SELECT count(*) FROM databasechangelog", Integer.class);

        migrate();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM databasechangelog", Integer.class)).isEqualTo(applied);
    }

    private void insertRound(int roundNumber, String stake, String crashMultiplier) {
        jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                    round_start_timestamp, stake_value, crash_multiplier_detected, cashout_multiplier,
                    profit_loss_amount, round_outcome, content_fingerprint)
                VALUES ('bot_1', 's1', 'aviator', 'dafabet', ?, now(), ?::numeric, ?::numeric, 1.33, 3.30, 'WIN', 'f')
                """, roundNumber, stake, crashMultiplier);
    }
}
