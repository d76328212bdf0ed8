package com.crashanalytics.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import javax.sql.DataSource;

import com.crashanalytics.persistence.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads are read-only on one snapshot and cut off by PostgreSQL's statement_timeout; writes, and reads inside a write,
 * are not.
 */
class JdbcTransactionsIT {

    private static DataSource dataSource;
    private static JdbcClient jdbc;
    private static JdbcTransactions transactions;

    @BeforeAll
    static void connect() {
        dataSource = MigratedDatabase.create("transactions_test");
        jdbc = JdbcClient.create(dataSource);
        transactions = new JdbcTransactions(new DataSourceTransactionManager(dataSource), jdbc, Duration.ofMillis(200));
    }

    @Test
    void aReadThatRunsTooLongIsCancelled() {
        assertThatThrownBy(() -> transactions.readOnly(() -> sleep(2)))
                .isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("statement timeout");
    }

    @Test
    void aQuickReadSeesTheTimeoutAndFinishes() {
        assertThat(transactions.readOnly(() -> jdbc.sql("SHOW statement_timeout").query(String.class).single()))
                .isEqualTo("200ms");
    }

    @Test
    void theTimeoutEndsWithTheReadTransaction() {
        transactions.readOnly(() -> sleep(0));

        assertThat(transactions.inTransaction(() -> jdbc.sql("SHOW statement_timeout").query(String.class).single()))
                .isEqualTo("0");
    }

    @Test
    void aReadIsReadOnlyOnOneSnapshot() {
        assertThat(transactions.readOnly(() -> jdbc.sql("SELECT current_setting('transaction_isolation') || ' '"
                + " || current_setting('transaction_read_only')").query(String.class).single()))
                .isEqualTo("repeatable read on");
    }

    @Test
    void theSnapshotEndsWithTheReadTransaction() {
        transactions.readOnly(() -> sleep(0));

        assertThat(transactions.inTransaction(() -> jdbc.sql("SHOW transaction_isolation").query(String.class).single()))
                .isEqualTo("read committed");
    }

    @Test
    void aReadWithoutATimeoutStillReadsOneSnapshot() {
        JdbcTransactions unlimited = new JdbcTransactions(new DataSourceTransactionManager(dataSource), jdbc,
                Duration.ZERO);

        assertThat(unlimited.readOnly(() -> jdbc.sql("SELECT current_setting('transaction_isolation') || ' '"
                + " || current_setting('statement_timeout')").query(String.class).single()))
                .isEqualTo("repeatable read 0");
    }

    @Test
    void aReadUsesGenericPlansAndAWriteKeepsPostgresChoice() {
        assertThat(transactions.readOnly(() -> jdbc.sql("SHOW plan_cache_mode").query(String.class).single()))
                .isEqualTo("force_generic_plan");
        assertThat(transactions.inTransaction(() -> jdbc.sql("SHOW plan_cache_mode").query(String.class).single()))
                .isEqualTo("auto");
        assertThat(new JdbcTransactions(new DataSourceTransactionManager(dataSource), jdbc, Duration.ZERO)
                .readOnly(() -> jdbc.sql("SHOW plan_cache_mode").query(String.class).single()))
                .isEqualTo("force_generic_plan");
    }

    /**
     * What the setting is for: a statement taking an array of keys, as a DataLoader's batch does, is planned for the
     * parameter, not for its value (a custom plan shows the array's literal), so its plan is kept and reused instead of
     * made again on every execution over the rounds' partitions. (EXPLAIN of a prepared statement shows the plan its
     * execution would use; a plain EXPLAIN with bound values would plan for the values whatever the setting.)
     */
    @Test
    void aBatchedReadIsPlannedForItsParameterNotItsValue() {
        assertThat(transactions.readOnly(JdbcTransactionsIT::planOfABatchedRead))
                .contains("ANY ($1)").doesNotContain("session-a");
        assertThat(transactions.inTransaction(JdbcTransactionsIT::planOfABatchedRead))
                .contains("session-a");
    }

    private static String planOfABatchedRead() {
        jdbc.sql("PREPARE batched_read(text[]) AS SELECT session_id, count(*) FROM crash_game_rounds"
                + " WHERE session_id = ANY($1) GROUP BY session_id").update();
        try {
            return String.join("\n", jdbc.sql("EXPLAIN EXECUTE batched_read('{session-a,session-b}')")
                    .query(String.class).list());
        } finally {
            jdbc.sql("DEALLOCATE batched_read").update();
        }
    }

    @Test
    void aWriteTransactionIsNotCutShortEvenWhenItReads() {
        assertThat(transactions.inTransaction(() -> transactions.readOnly(() -> sleep(0.5)))).isEqualTo(1);
    }

    private static int sleep(double seconds) {
        return jdbc.sql("SELECT 1 FROM pg_sleep(:s)").param("s", seconds).query(Integer.class).single();
    }
}
