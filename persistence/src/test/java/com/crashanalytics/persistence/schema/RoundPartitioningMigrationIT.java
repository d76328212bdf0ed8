package com.crashanalytics.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.round.RoundKey;
import com.crashanalytics.domain.round.RoundLogbook.StoredRound;
import com.crashanalytics.persistence.round.JdbcRoundLogbook;
import com.crashanalytics.persistence.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changeset 0300 on a database in use: the changelog up to the changeset before it, rows written in the old shape
 * (rounds over three months, one a second before a month ends and one at the next month's first instant, with their
 * outcomes, samples, a resolved and a pending signal, and an error that names a round), then the rest of the changelog.
 * Every row must survive as it was, in its month's partition; every rollup must be as the old triggers left it and
 * still follow new rounds; every index must still be there; and a round's key must still be unique across months.
 */
class RoundPartitioningMigrationIT {

    static final List<String> ROUND_TABLES = List.of("crash_game_rounds", "analytics_round_outcomes",
            "analytics_round_multipliers", "analytics_round_signals");
    static final List<String> ROLLUPS = List.of("round_totals_hourly", "equity_segments_hourly", "round_streaks",
            "game_round_crashes", "game_round_crash_counts");

    static final UUID JUNE = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final UUID JULY_LAST_SECOND = UUID.fromString("00000000-0000-7000-8000-000000000002");
    static final UUID AUGUST_FIRST_INSTANT = UUID.fromString("00000000-0000-7000-8000-000000000003");
    static final UUID AUGUST_OTHER_BOT = UUID.fromString("00000000-0000-7000-8000-000000000004");

    private static JdbcTemplate jdbc;
    private static Map<String, List<String>> rowsBefore;
    private static Map<String, List<String>> rollupsBefore;
    private static List<String> indexesBefore;

    @BeforeAll
    static void migrateADatabaseWithRoundsInIt() throws Exception {
        MigratedDatabase.migratedAcross("round_partitioning_test", "0300-partition-rounds-by-month", dataSource -> {
            jdbc = new JdbcTemplate(dataSource);
            assertThat(jdbc.queryForObject("SELECT relkind FROM pg_class WHERE relname = 'crash_game_rounds'", String.class))
                    .as("an ordinary table before 0300").isEqualTo("r");

            writeRowsInTheOldShape();
            rowsBefore = rows(false);
            rollupsBefore = rollups();
            indexesBefore = indexes();
        });
    }

    private static void writeRowsInTheOldShape() {
        jdbc.update("INSERT INTO bot_vm_registration (bot_id) VALUES ('bot_1'), ('bot_2')");
        jdbc.update("INSERT INTO game_platform_config (game_name, platform_code, house_edge_percent) VALUES ('aviator', 'dafabet', 3)");
        jdbc.update("""
                INSERT INTO session_logs (session_id, bot_id, game_name, platform_code, start_time,
                                          initial_balance, current_balance, peak_balance)
                VALUES ('s1', 'bot_1', 'aviator', 'dafabet', '2026-06-01T00:00:00Z', 1000, 1000, 1000),
                       ('s2', 'bot_2', 'aviator', 'dafabet', '2026-08-01T00:00:00Z', 1000, 1000, 1000)
                """);
        round(JUNE, "bot_1", "s1", 1, "2026-06-10T10:00:00Z", "WIN", "15", "2.50", "g-100");
        round(JULY_LAST_SECOND, "bot_1", "s1", 2, "2026-07-31T23:59:59Z", "LOSS", "-10", "1.20", "g-200");
        round(AUGUST_FIRST_INSTANT, "bot_1", "s1", 3, "2026-08-01T00:00:00Z", "WIN", "20", "3.00", "g-300");
        // The same game round as bot_1's round 3, watched by a second bot: the crash rollup counts it once.
        round(AUGUST_OTHER_BOT, "bot_2", "s2", 1, "2026-08-01T00:00:00.500Z", "LOSS", "-10", "3.00", "g-300");
        jdbc.update("""
                INSERT INTO analytics_round_outcomes (round_id, round_number, bot_id, session_id, game_name, platform_code,
                    outcome, stake_value, profit_loss, outcome_category, win_streak_length, loss_streak_length,
                    "timestamp", date_bucket, hour_bucket)
                SELECT id, round_number, bot_id, session_id, game_name, platform_code, round_outcome, stake_value,
                       profit_loss_amount, CASE WHEN profit_loss_amount > 0 THEN 'big_win' ELSE 'small_loss' END,
                       (round_outcome = 'WIN')::int, (round_outcome = 'LOSS')::int, round_start_timestamp,
                       (round_start_timestamp AT TIME ZONE 'UTC')::date, date_trunc('hour', round_start_timestamp, 'UTC')
                FROM crash_game_rounds
                """);
        jdbc.update("""
                INSERT INTO analytics_round_multipliers (round_id, sample_index, bot_id, session_id, game_name,
                    platform_code, multiplier, "timestamp", date_bucket, content_fingerprint)
                SELECT id, n, bot_id, session_id, game_name, platform_code, 1 + n * 0.25,
                       round_start_timestamp + n * interval '1 second', (round_start_timestamp AT TIME ZONE 'UTC')::date,
                       'sample-' || n
                FROM crash_game_rounds, generate_series(0, 1) AS n
                """);
        jdbc.update("""
                INSERT INTO analytics_round_signals (round_id, round_number, bot_id, session_id, game_name, platform_code,
                    signal_type, client_signal_id, "timestamp", confidence_score, predicted_multiplier,
                    signal_correctness, actual_multiplier, content_fingerprint)
                VALUES (?, 2, 'bot_1', 's1', 'aviator', 'dafabet', 'ml', 'a', '2026-07-31T23:59:50Z', 0.7, 2.0,
                        false, 1.20, 'resolved'),
                       (NULL, 4, 'bot_1', 's1', 'aviator', 'dafabet', 'ml', 'b', '2026-08-01T00:01:00Z', 0.6, 2.0,
                        NULL, NULL, 'pending')
                """, JULY_LAST_SECOND);
        jdbc.update("""
                INSERT INTO error_logs (bot_id, session_id, round_id, round_number, error_type, "timestamp",
                                        content_fingerprint)
                VALUES ('bot_1', 's1', ?, 2, 'ocr_timeout', '2026-08-01T00:00:01Z', 'error')
                """, JULY_LAST_SECOND);
    }

    private static void round(UUID id, String bot, String session, int number, String start, String outcome,
                              String profitLoss, String crash, String externalId) {
        jdbc.update("""
                INSERT INTO crash_game_rounds (id, bot_id, session_id, game_name, platform_code, round_number,
                    round_external_id, round_start_timestamp, stake_value, strategy_name, crash_multiplier_detected,
                    profit_loss_amount, round_outcome, content_fingerprint)
                VALUES (?, ?, ?, 'aviator', 'dafabet', ?, ?, CAST(? AS timestamptz), 10, 'compound', CAST(? AS numeric),
                        CAST(? AS numeric), ?, ?)
                """, id, bot, session, number, externalId, start, crash, profitLoss, outcome, "fingerprint-" + number);
    }

    /**
     * Each table's rows as JSON, by id; after the migration without the column it added to samples and signals, and
     * without the author every table gets from a later changeset (0320, NULL for rows written before it).
     */
    private static Map<String, List<String>> rows(boolean migrated) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : ROUND_TABLES) {
            String added = migrated && table.matches("analytics_round_(multipliers|signals)") ? "round_start_timestamp" : "";
            rows.put(table, jdbc.queryForList("SELECT (to_jsonb(t) - CAST(? AS text) - 'written_by_key_id')::text FROM " + table
                    + " t ORDER BY id", String.class, added));
        }
        return rows;
    }

    private static Map<String, List<String>> rollups() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : ROLLUPS) {
            // Without the columns later changesets add (0350 keeps each game round's lowest and highest reading,
            // 0510 the hours' crash multipliers read).
            rows.put(table, jdbc.queryForList("SELECT (to_jsonb(t) - 'lowest_reading' - 'highest_reading'"
                    + " - 'crashes_read' - 'crash_sum' - 'lowest_crash' - 'highest_crash')::text FROM "
                    + table + " t ORDER BY 1", String.class));
        }
        return rows;
    }

    private static List<String> indexes() {
        return jdbc.queryForList("""
                SELECT indexname FROM pg_indexes
                WHERE schemaname = current_schema() AND tablename IN ('crash_game_rounds', 'analytics_round_outcomes',
                      'analytics_round_multipliers', 'analytics_round_signals', 'crash_game_round_keys')
                ORDER BY 1
                """, String.class);
    }

    @Test
    void everyRowSurvivesAsItWasAndTheAnalyticsCarryTheirRoundsStart() {
        assertThat(rows(true)).isEqualTo(rowsBefore);
        assertThat(jdbc.queryForList("""
                SELECT count(*) FROM analytics_round_multipliers m JOIN crash_game_rounds r ON r.id = m.round_id
                WHERE m.round_start_timestamp = r.round_start_timestamp
                """, Long.class)).containsExactly(8L);
        assertThat(jdbc.queryForList("SELECT round_start_timestamp IS NULL FROM analytics_round_signals ORDER BY client_signal_id",
                Boolean.class)).as("resolved, then pending").containsExactly(false, true);
        assertThat(jdbc.queryForObject("SELECT round_id FROM error_logs", UUID.class)).isEqualTo(JULY_LAST_SECOND);
    }

    @Test
    void eachRowLivesInItsRoundsMonthAndAPendingSignalInTheDefaultPartition() {
        assertThat(jdbc.queryForList("SELECT tableoid::regclass::text FROM crash_game_rounds ORDER BY id", String.class))
                .containsExactly("crash_game_rounds_2026_06", "crash_game_rounds_2026_07", "crash_game_rounds_2026_08",
                        "crash_game_rounds_2026_08");
        assertThat(jdbc.queryForList("SELECT tableoid::regclass::text FROM analytics_round_outcomes ORDER BY round_id",
                String.class)).containsExactly("analytics_round_outcomes_2026_06", "analytics_round_outcomes_2026_07",
                "analytics_round_outcomes_2026_08", "analytics_round_outcomes_2026_08");
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT tableoid::regclass::text FROM analytics_round_multipliers WHERE round_id = ?
                """, String.class, JULY_LAST_SECOND))
                .as("its second sample was taken in August, it stays with its round").containsExactly(
                        "analytics_round_multipliers_2026_07");
        assertThat(jdbc.queryForList("SELECT tableoid::regclass::text FROM analytics_round_signals ORDER BY client_signal_id",
                String.class)).containsExactly("analytics_round_signals_2026_07", "analytics_round_signals_default");
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        for (int ahead = 0; ahead <= 3; ahead++) {
            String month = current.plusMonths(ahead).toString().replace('-', '_');
            for (String table : ROUND_TABLES) {
                assertThat(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table + "_" + month))
                        .as(table + "_" + month).isTrue();
            }
        }
    }

    @Test
    void theRollupsAreAsTheOldTriggersLeftThemAndEveryIndexIsStillThere() {
        assertThat(rollups()).isEqualTo(rollupsBefore);
        assertThat(rollupsBefore.get("game_round_crashes")).as("g-300 counts once").hasSize(3);
        assertThat(indexes()).containsAll(indexesBefore);
    }

    @Test
    void theHoursCountedBeforeChangeset0510HaveTheirRoundsCrashMultipliers() {
        // one round an hour, each with its crash multiplier: 2.50, 1.20, 3.00 (bot_1) and 3.00 (bot_2)
        assertThat(jdbc.queryForList("""
                SELECT bot_id || ' ' || hour || ' ' || crashes_read || ' ' || crash_sum || ' ' || lowest_crash || ' '
                       || highest_crash
                FROM round_totals_hourly ORDER BY hour, bot_id
                """, String.class)).containsExactly(
                "bot_1 2026-06-10 10:00:00+00 1 2.5000 2.5000 2.5000",
                "bot_1 2026-07-31 23:00:00+00 1 1.2000 1.2000 1.2000",
                "bot_1 2026-08-01 00:00:00+00 1 3.0000 3.0000 3.0000",
                "bot_2 2026-08-01 00:00:00+00 1 3.0000 3.0000 3.0000");
    }

    @Test
    void aRoundsKeyIsStillUniqueAcrossMonthsAndAMigratedRoundIsFoundForARetry() {
        JdbcRoundLogbook logbook = new JdbcRoundLogbook(JdbcClient.create(jdbc), jdbc, Optional::empty); // no request: no author

        Map<RoundKey, StoredRound> stored = logbook.findStored(List.of(new RoundKey("bot_1", "s1", 2)));

        assertThat(stored).containsExactly(Map.entry(new RoundKey("bot_1", "s1", 2),
                new StoredRound(JULY_LAST_SECOND, "fingerprint-2")));
        assertThatThrownBy(() -> round(UUID.randomUUID(), "bot_1", "s1", 2, "2026-12-15T00:00:00Z", "WIN", "5",
                "2.00", null))
                .as("the same key in another month").isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("uq_crash_game_rounds_identity");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM crash_game_rounds", Long.class)).isEqualTo(4);
    }

    @Test
    void theTriggersStillFollowNewAndDeletedRounds() {
        UUID late = UUID.randomUUID();
        round(late, "bot_1", "s1", 9, "2026-06-10T10:30:00Z", "LOSS", "-10", "1.10", null);
        try {
            assertThat(jdbc.queryForMap("""
                    SELECT rounds, total_profit_loss FROM round_totals_hourly
                    WHERE bot_id = 'bot_1' AND hour = '2026-06-10T10:00:00Z'
                    """)).containsEntry("rounds", 2L).satisfies(totals ->
                    assertThat((java.math.BigDecimal) totals.get("total_profit_loss")).isEqualByComparingTo("5"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM crash_game_round_keys WHERE round_id = ?", Long.class,
                    late)).isEqualTo(1);
        } finally {
            jdbc.update("DELETE FROM crash_game_rounds WHERE id = ?", late);
        }
        assertThat(rollups()).as("the delete recounted the hour").isEqualTo(rollupsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM crash_game_round_keys", Long.class)).isEqualTo(4);
    }
}
