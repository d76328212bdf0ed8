package com.crashanalytics.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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
        jdbc.execute("DROP TABLE IF EXISTS copy_check");
        jdbc.execute("""
                CREATE TABLE copy_check (way text, row_number int, t text, u uuid, d numeric, i int, r float8, b boolean,
                                         ts timestamptz, day date, j jsonb, texts text[], numbers int[])""");
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

    @Test
    void manyRowsOfAPlainInsertGoAsOneCopy() {
        List<String> bots = IntStream.rangeClosed(1, 300).mapToObj(i -> "bot_" + i).toList();

        transaction.executeWithoutResult(status -> Batches.runTogether(jdbc, List.of(
                Batches.of(BOT, bots, (parameters, bot) -> parameters.text(bot)),
                Batches.of(SESSION, List.of("s1"), (parameters, session) -> parameters.text(session).text("bot_300")))));

        // a JDBC batch of 300 rows is rewritten into several multi-row statements (128 + 128 + 32 + 8 + 4 rows)
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT cmin::text) FROM bot_vm_registration", Integer.class))
                .as("the bots, stored by one command").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class)).isEqualTo(300);
        assertThat(jdbc.queryForObject("SELECT bot_id FROM session_logs", String.class)).isEqualTo("bot_300");
    }

    @Test
    void aRowACopyCannotStoreFailsTheTransactionAsABatchWould() {
        List<String> bots = new ArrayList<>(IntStream.rangeClosed(1, 100).mapToObj(i -> "bot_" + i).toList());
        bots.add("bot_1"); // the primary key again

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> Batches.runTogether(jdbc, List.of(
                Batches.of(BOT, bots, (parameters, bot) -> parameters.text(bot))))))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class)).isZero();
        jdbc.update("INSERT INTO bot_vm_registration (bot_id) VALUES ('after')"); // the pooled connection still works
    }

    /**
     * The same rows stored by a COPY ({@link Batches#COPY_FROM_ROWS} or more) and by the driver's binding (fewer at a
     * time) read back equal, column by column: text with the characters COPY escapes, decimals with their scale,
     * doubles at their limits, times with nanoseconds the driver rounds, JSON with escapes, arrays, and nulls.
     */
    @Test
    void aCopyStoresWhatTheDriversBindingStores() {
        List<Object[]> rows = trickyRows();
        assertThat(rows.size()).isGreaterThanOrEqualTo(Batches.COPY_FROM_ROWS);
        String insert = """
                INSERT INTO copy_check (way, row_number, t, u, d, i, r, b, ts, day, j, texts, numbers)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS text[]), CAST(? AS int[]))""";
        List<Integer> numbers = IntStream.range(0, rows.size()).boxed().toList();
        Batches.RowParameters<Integer> copied = (parameters, n) -> fill(parameters.text("copy"), n, rows.get(n));
        Batches.RowParameters<Integer> bound = (parameters, n) -> fill(parameters.text("bound"), n, rows.get(n));

        transaction.executeWithoutResult(status -> Batches.run(jdbc, insert, numbers, copied));
        for (int from = 0; from < rows.size(); from += 10) {
            List<Integer> few = numbers.subList(from, Math.min(from + 10, rows.size()));
            transaction.executeWithoutResult(status -> Batches.run(jdbc, insert, few, bound));
        }

        assertThat(jdbc.queryForObject("SELECT count(DISTINCT cmin::text) FROM copy_check WHERE way = 'copy'", Integer.class))
                .as("the copied rows, one command").isEqualTo(1);
        String columns = "row_number, t, u, d::text, i, r::text, b, ts, day, j, texts, numbers";
        for (String[] ways : new String[][] {{"copy", "bound"}, {"bound", "copy"}}) {
            assertThat(jdbc.queryForList("SELECT row_number FROM (SELECT " + columns + " FROM copy_check WHERE way = ? EXCEPT"
                    + " SELECT " + columns + " FROM copy_check WHERE way = ?) differing", Integer.class, ways[0], ways[1]))
                    .as("rows stored %s that differ from those stored %s", ways[0], ways[1]).isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM copy_check", Integer.class)).isEqualTo(2 * rows.size());
        // and what a few of them hold, read back
        assertThat(jdbc.queryForObject("SELECT t FROM copy_check WHERE way = 'copy' AND row_number = 1", String.class))
                .isEqualTo("tab\there, newline\nthere, return\rthere, backslash \\ and \\N");
        assertThat(jdbc.queryForObject("SELECT t IS NULL FROM copy_check WHERE way = 'copy' AND row_number = 0",
                Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT t FROM copy_check WHERE way = 'copy' AND row_number = 3", String.class))
                .as("the text \\N, not a null").isEqualTo("\\N");
        assertThat(jdbc.queryForObject("SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM copy_check"
                + " WHERE way = 'copy' AND row_number = 5", String.class)).isEqualTo("2026-12-07 10:00:01.000000");
    }

    private static Parameters fill(Parameters parameters, int number, Object[] row) throws java.sql.SQLException {
        parameters.integer(number).text((String) row[0]).uuid((UUID) row[1]).decimal((BigDecimal) row[2])
                .integer((Integer) row[3]).real((Double) row[4]).bool((Boolean) row[5]).time((Instant) row[6]);
        parameters.date((LocalDate) row[7]).text((String) row[8]);
        if (row[9] == null) {
            parameters.text(null).text(null);
        } else {
            @SuppressWarnings("unchecked") List<String> texts = (List<String>) row[9];
            @SuppressWarnings("unchecked") List<Integer> integers = (List<Integer>) row[10];
            parameters.texts(texts).integers(integers);
        }
        return parameters;
    }

    /** Text, uuid, decimal, int, double, boolean, time, date, JSON, text[] and int[] values, the odd ones first. */
    private static List<Object[]> trickyRows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[11]); // every value null
        rows.add(new Object[] {"tab\there, newline\nthere, return\rthere, backslash \\ and \\N", UUID.randomUUID(),
                new BigDecimal("2.50"), Integer.MIN_VALUE, 0.1, true, Instant.parse("2026-12-07T10:00:00.123456789Z"),
                LocalDate.parse("2026-12-07"), "{\"a\": \"quote \\\" backslash \\\\ newline \\n\", \"b\": [1, 2.50]}",
                List.of("plain", "with,comma", "with \"quote\"", "with\\backslash", "{brace}", "tab\t", ""),
                List.of(1, -2, Integer.MAX_VALUE)});
        rows.add(new Object[] {"", UUID.randomUUID(), new BigDecimal("0.00000001"), Integer.MAX_VALUE, Double.MIN_VALUE,
                false, Instant.parse("2000-01-01T00:00:00Z"), LocalDate.parse("2000-01-01"), "{}", List.of(), List.of()});
        rows.add(new Object[] {"\\N", UUID.randomUUID(), new BigDecimal("-1234567890.123456789"), 0, Double.MAX_VALUE,
                null, Instant.parse("2026-12-07T10:00:00.000000499Z"), null, "[]", List.of("\\N"), List.of(0)});
        rows.add(new Object[] {"\\.", UUID.randomUUID(), new BigDecimal("1E+3"), -1, -0.0, true,
                Instant.parse("2026-12-07T10:00:00.000000500Z"), LocalDate.parse("9999-12-31"), "\"text\"",
                List.of("é ü 中文 😀"), List.of(7)});
        rows.add(new Object[] {"😀 émoji and 中文", UUID.randomUUID(), BigDecimal.ZERO, 42, Double.NaN, false,
                Instant.parse("2026-12-07T10:00:00.999999500Z"), LocalDate.parse("2026-02-28"), "null",
                List.of("a"), List.of(1)});
        rows.add(new Object[] {"semi;colon 'quote'", UUID.randomUUID(), new BigDecimal("100.000"), 7,
                Double.POSITIVE_INFINITY, true, Instant.parse("2030-06-30T23:59:59.999999Z"), LocalDate.parse("2030-06-30"),
                "{\"n\": 1.0e3}", List.of("x"), List.of(2)});
        rows.add(new Object[] {"end", UUID.randomUUID(), new BigDecimal("0.1"), 8, Double.NEGATIVE_INFINITY, false,
                Instant.parse("2026-01-31T12:34:56.000001Z"), LocalDate.parse("2026-01-31"), "{\"z\": false}",
                List.of("y"), List.of(3)});
        for (int i = rows.size(); i < Batches.COPY_FROM_ROWS + 6; i++) {
            rows.add(new Object[] {"row " + i, UUID.randomUUID(), BigDecimal.valueOf(i, 2), i, i / 7.0, i % 2 == 0,
                    Instant.parse("2026-12-07T10:00:00Z").plusNanos(i * 1_234_567L), LocalDate.parse("2026-12-07"),
                    "{\"i\": " + i + "}", Arrays.asList("r" + i), List.of(i)});
        }
        return rows;
    }
}
