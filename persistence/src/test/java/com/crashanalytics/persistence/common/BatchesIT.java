package com.crashanalytics.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.crashanalytics.persistence.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Batches written together: in order, all or nothing, in one multi-statement when small and as batches when not. */
class BatchesIT {

    private static final String BOT = "INSERT INTO bot_vm_registration (bot_id) VALUES (?)";
    private static final String SESSION = """
            INSERT INTO session_logs (session_id, bot_id, game_name, platform_code, start_time, initial_balance,
                                      current_balance, peak_balance)
            VALUES (?, ?, 'aviator', 'dafabet', now(), 1000, 1000, 1000)
            """;

    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws Exception {
        DataSource dataSource = MigratedDatabase.create("batches_test");
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE bot_vm_registration, game_platform_config, session_logs RESTART IDENTITY CASCADE");
        jdbc.update("INSERT INTO game_platform_config (game_name, platform_code, house_edge_percent) VALUES ('aviator', 'dafabet', 3)");
    }

    @Test
    void aFewRowsGoInOrderSoALaterStatementSeesAnEarlierOne() {
        // the sessions reference the bots by foreign key: they can only follow them
        transaction.executeWithoutResult(status -> Batches.runTogether(jdbc, List.of(
                Batches.of(BOT, List.of("bot_1", "bot_2"), (parameters, bot) -> parameters.text(bot)),
                Batches.of(SESSION, List.of("s1", "s2"), (parameters, session) -> parameters.text(session)
                        .text(session.equals("s1") ? "bot_1" : "bot_2")))));

        assertThat(jdbc.queryForList("SELECT session_id || ':' || bot_id FROM session_logs ORDER BY session_id",
                String.class)).containsExactly("s1:bot_1", "s2:bot_2");
    }

    @Test
    void aFewRowsOfAnInsertOfValuesGoAsOneMultiRowStatement() {
        transaction.executeWithoutResult(status -> Batches.runTogether(jdbc, List.of(
                Batches.of(BOT, List.of("bot_1", "bot_2", "bot_3"), (parameters, bot) -> parameters.text(bot)),
                Batches.of(SESSION, List.of("s1", "s2"), (parameters, session) -> parameters.text(session)
                        .text(session.equals("s1") ? "bot_1" : "bot_3")))));

        // one statement is one command of the transaction: its rows share xmin and cmin
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT xmin::text || '/' || cmin::text) FROM bot_vm_registration",
                Integer.class)).as("the bots, inserted by one statement").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT cmin::text) FROM session_logs", Integer.class))
                .as("the sessions' statement has a quoted literal: once per row").isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT session_id || ':' || bot_id FROM session_logs ORDER BY session_id",
                String.class)).containsExactly("s1:bot_1", "s2:bot_3");
    }

    @Test
    void aStatementThatFailsFailsThemAllAndTheTransactionWritesNothing() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> Batches.runTogether(jdbc, List.of(
                Batches.of(BOT, List.of("bot_1"), (parameters, bot) -> parameters.text(bot)),
                Batches.of(SESSION, List.of("s1"), (parameters, session) -> parameters.text(session).text("nobody"))))))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class)).isZero();
    }

    @Test
    void manyRowsGoAsOneBatchPerStatement() {
        List<String> bots = IntStream.rangeClosed(1, Batches.ROWS_IN_ONE_ROUND_TRIP + 1).mapToObj(i -> "bot_" + i).toList();

        transaction.executeWithoutResult(status -> Batches.runTogether(jdbc, List.of(
                Batches.of(BOT, bots, (parameters, bot) -> parameters.text(bot)),
                Batches.of(SESSION, List.of("s1"), (parameters, session) -> parameters.text(session).text("bot_1")))));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class))
                .isEqualTo(Batches.ROWS_IN_ONE_ROUND_TRIP + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM session_logs", Integer.class)).isEqualTo(1);
    }

    /** A statement run once ({@link Batches#once}) comes before the rows after it, whichever way they are sent. */
    @ParameterizedTest
    @ValueSource(ints = {2, Batches.ROWS_IN_ONE_ROUND_TRIP + 1})
    void aStatementRunOnceTakesEffectBeforeTheRowsAfterIt(int rows) {
        List<String> bots = IntStream.rangeClosed(1, rows).mapToObj(i -> "bot_" + i).toList();

        transaction.executeWithoutResult(status -> Batches.runTogether(jdbc, List.of(
                Batches.once("SET LOCAL plan_cache_mode = force_generic_plan"),
                Batches.of("INSERT INTO bot_vm_registration (bot_id, bot_name) VALUES (?, current_setting('plan_cache_mode'))",
                        bots, (parameters, bot) -> parameters.text(bot)))));

        assertThat(jdbc.queryForList("SELECT DISTINCT bot_name FROM bot_vm_registration", String.class))
                .containsExactly("force_generic_plan");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).as("local to the transaction").isEqualTo("auto");
    }
}
