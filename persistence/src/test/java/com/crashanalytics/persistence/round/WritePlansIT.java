package com.crashanalytics.persistence.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import com.crashanalytics.domain.round.MultiplierSample;
import com.crashanalytics.domain.round.RoundLogbook.RoundRecords;
import com.crashanalytics.persistence.testing.BotSessions;
import com.crashanalytics.persistence.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A write of rounds runs the rest of its transaction on generic plans ({@link JdbcRoundLogbook#PLAN_GENERICALLY}),
 * so that the foreign-key check of each sample, signal and outcome against the rounds' monthly partitions is planned
 * once, not for every row; the rollups' recounts keep PostgreSQL's choice (changeset 0470).
 */
class WritePlansIT {

    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static JdbcTemplate jdbc;
    private static JdbcRoundLogbook logbook;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws Exception {
        DataSource dataSource = MigratedDatabase.create("write_plans_test");
        jdbc = new JdbcTemplate(dataSource);
        logbook = new JdbcRoundLogbook(JdbcClient.create(jdbc), jdbc, Optional::empty); // no request: no author
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (String month : List.of("now()", "now() + interval '1 month'")) {
            jdbc.queryForObject("SELECT prepare_round_partitions(CAST(" + month + " AS date))", Boolean.class);
        }
        BotSessions.insertBotWithSessions(jdbc, "s1");
    }

    @Test
    void aWriteOfRoundsRunsTheRestOfItsTransactionOnGenericPlans() {
        UUID roundId = jdbc.queryForObject("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                    round_start_timestamp, stake_value, profit_loss_amount, round_outcome, content_fingerprint)
                VALUES ('bot_1', 's1', 'aviator', 'dafabet', 1, ?, 10, -10, 'LOSS', 'f') RETURNING id
                """, UUID.class, Timestamp.from(START));

        String planOfTheCheck = transaction.execute(status -> {
            logbook.append(RoundRecords.ofSample(sampleOf(roundId)));
            return planOfAForeignKeyCheck(roundId);
        });

        // the check's own form, planned for its parameters (a plan for the values would name them and one month)
        assertThat(planOfTheCheck).contains("$1").doesNotContain(roundId.toString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analytics_round_multipliers WHERE round_id = ?",
                Integer.class, roundId)).isEqualTo(1);
        String nextTransactions = transaction.execute(status -> jdbc.queryForObject("SHOW plan_cache_mode", String.class));
        assertThat(nextTransactions).as("the next transaction on the connection").isEqualTo("auto");
    }

    @Test
    void theRecountsThatTakeArraysOfKeysKeepPostgresChoiceOfPlans() {
        Map<String, String> settingsByFunction = new TreeMap<>();
        jdbc.query("""
                SELECT p.proname, coalesce(array_to_string(p.proconfig, ','), '') AS settings
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND p.prokind = 'f' AND EXISTS (
                    SELECT 1 FROM unnest(p.proargtypes) AS argument JOIN pg_type t ON t.oid = argument
                    WHERE t.typcategory = 'A')
                """, (RowCallbackHandler) row -> settingsByFunction.put(row.getString("proname"), row.getString("settings")));

        assertThat(settingsByFunction).containsKeys("refresh_game_round_crashes", "refresh_round_totals",
                "recount_equity_segments", "recount_round_streaks", "recount_strategy_equity_segments",
                "recount_strategy_streaks");
        assertThat(settingsByFunction).allSatisfy((function, settings) ->
                assertThat(settings).as(function).contains("plan_cache_mode=auto"));
    }

    /** The plan PostgreSQL would run the check of a row referencing the round with, in this transaction. */
    private static String planOfAForeignKeyCheck(UUID roundId) {
        jdbc.execute("PREPARE round_check(uuid, timestamptz) AS SELECT 1 FROM crash_game_rounds x"
                + " WHERE id = $1 AND round_start_timestamp = $2 FOR KEY SHARE OF x");
        try {
            return String.join("\n", jdbc.queryForList("EXPLAIN EXECUTE round_check('" + roundId + "', '" + START + "')",
                    String.class));
        } finally {
            jdbc.execute("DEALLOCATE round_check");
        }
    }

    private static MultiplierSample sampleOf(UUID roundId) {
        return new MultiplierSample(UUID.randomUUID(), roundId, 0, "bot_1", "s1", "aviator", "dafabet",
                new BigDecimal("1.50"), START, 0, false, false, 0.9, null, LocalDate.ofInstant(START, ZoneOffset.UTC),
                "f");
    }
}
