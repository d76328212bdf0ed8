package com.crashanalytics.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Which statements a multi-statement sends for a batch: a multi-row INSERT only where that means the same. */
class BatchesTest {

    @Test
    void anInsertOfOneRowOfValuesIsSentOnceWithARowPerRow() {
        assertThat(statementsOf("INSERT INTO t (a, b) VALUES (?, CAST(? AS jsonb))", 3))
                .isEqualTo("INSERT INTO t (a, b) VALUES (?, CAST(? AS jsonb)), (?, CAST(? AS jsonb)), (?, CAST(? AS jsonb))");
        assertThat(statementsOf("""
                INSERT INTO t (a, "timestamp") VALUES (?, (SELECT k.x FROM k WHERE k.id = ?))""", 2))
                .isEqualTo("INSERT INTO t (a, \"timestamp\") VALUES "
                        + "(?, (SELECT k.x FROM k WHERE k.id = ?)), (?, (SELECT k.x FROM k WHERE k.id = ?))");
    }

    @Test
    void anythingElseIsSentOncePerRow() {
        for (String other : List.of("UPDATE t SET a = ? WHERE id = ?",
                "INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO NOTHING",
                "INSERT INTO t (a) VALUES (?) RETURNING (a)",
                "INSERT INTO t (a, b) VALUES (?, 'x(')",
                "INSERT INTO t (a) SELECT ? WHERE true")) {
            assertThat(statementsOf(other, 2)).as(other).isEqualTo(other + ";\n" + other);
        }
        assertThat(statementsOf("INSERT INTO t (a) VALUES (?)", 1)).isEqualTo("INSERT INTO t (a) VALUES (?)");
    }

    private static String statementsOf(String sql, int rows) {
        List<Integer> all = IntStream.range(0, rows).boxed().toList();
        return Batches.statementsOf(Batches.of(sql, all, (parameters, row) -> { }));
    }
}
