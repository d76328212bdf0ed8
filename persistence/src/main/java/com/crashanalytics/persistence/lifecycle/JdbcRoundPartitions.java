package com.crashanalytics.persistence.lifecycle;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.crashanalytics.domain.lifecycle.MonthPartition;
import com.crashanalytics.domain.lifecycle.RoundPartitions;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The month partitions of changelog 0300: {@code crash_game_rounds_YYYY_MM} and the same month of each analytics
 * table, created by the database's {@code prepare_round_partitions(month)}. Dropping a month drops the analytics'
 * partitions first (their foreign keys reference the rounds), deletes the month's rows of
 * {@code crash_game_round_keys} (narrow rows; errors and OCR reads lose their link to those rounds there), then
 * detaches and drops the rounds' partition (a partition that a foreign key references must be detached first).
 * Partitions are tables, so their names are built from the month, never from input, and quoted all the same.
 */
public class JdbcRoundPartitions implements RoundPartitions {

    /** The partitioned tables, rounds first; their partitions are named table + "_YYYY_MM". */
    static final List<String> TABLES = List.of("crash_game_rounds", "analytics_round_outcomes",
            "analytics_round_multipliers", "analytics_round_signals");

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("'_'yyyy'_'MM");

    /**
     * A writer waits for a drop's brief exclusive lock, and so does everything queued behind it: rather than keep
     * bots waiting behind a long export, the drop gives up (the next run retries).
     */
    private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '10s'";

    private final JdbcClient jdbc;

    public JdbcRoundPartitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean prepare(YearMonth month) {
        return jdbc.sql("SELECT prepare_round_partitions(:month)").param("month", month.atDay(1))
                .query(Boolean.class).single();
    }

    @Override
    public List<YearMonth> monthsEndingBy(Instant instant) {
        List<YearMonth> months = new ArrayList<>();
        jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'crash_game_rounds'::regclass AND c.relname ~ '^crash_game_rounds_[0-9]{4}_[0-9]{2}$'
                ORDER BY c.relname
                """).query(String.class).list().forEach(partition -> {
            YearMonth month = YearMonth.parse(partition.substring("crash_game_rounds_".length()).replace('_', '-'));
            if (!month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(instant)) {
                months.add(month);
            }
        });
        return months;
    }

    @Override
    public List<MonthPartition> partitionsOf(YearMonth month) {
        return TABLES.stream()
                .map(table -> new MonthPartition(table, partition(table, month),
                        jdbc.sql(SqlTemplate.sql("SELECT count(*) FROM {partition}")
                                .with("partition", quoted(partition(table, month))).text()).query(Long.class).single()))
                .toList();
    }

    @Override
    public List<MonthPartition> drop(YearMonth month) {
        jdbc.sql(LOCK_TIMEOUT).update();
        List<MonthPartition> held = partitionsOf(month);
        for (String table : TABLES.subList(1, TABLES.size())) {
            if (table.equals("analytics_round_signals")) {
                // Unlike the other rollups, the signals' score cells follow the signals kept (changelog 0414).
                jdbc.sql("SELECT retire_signal_score_cells(CAST(:partition AS regclass))")
                        .param("partition", quoted(partition(table, month))).query((rs, row) -> 1).list();
            }
            jdbc.sql(SqlTemplate.sql("DROP TABLE {partition}").with("partition", quoted(partition(table, month))).text())
                    .update();
        }
        jdbc.sql("DELETE FROM crash_game_round_keys WHERE round_start_timestamp >= :from AND round_start_timestamp < :to")
                .param("from", SqlValues.timestamptz(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .param("to", SqlValues.timestamptz(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .update();
        String rounds = quoted(partition("crash_game_rounds", month));
        jdbc.sql(SqlTemplate.sql("ALTER TABLE crash_game_rounds DETACH PARTITION {partition}").with("partition", rounds)
                .text()).update();
        jdbc.sql(SqlTemplate.sql("DROP TABLE {partition}").with("partition", rounds).text()).update();
        return held;
    }

    static String partition(String table, YearMonth month) {
        return table + month.format(SUFFIX);
    }

    private static String quoted(String name) {
        return '"' + name + '"';
    }
}
