package com.crashanalytics.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Which inserts can go as a COPY, and the text a row becomes (what PostgreSQL reads back is {@code BatchesIT}'s). */
class CopyLinesTest {

    @Test
    void anInsertOfPlaceholdersBecomesACopyOfTheSameColumns() {
        assertThat(CopyLines.copyOf("""
                INSERT INTO analytics_round_signals (id, "timestamp", feature_vector, flags)
                VALUES (?, ?, CAST(? AS jsonb), CAST(? AS text[]))"""))
                .contains("COPY analytics_round_signals (id, \"timestamp\", feature_vector, flags) FROM STDIN");
    }

    @Test
    void anInsertWithAValueComputedInSqlStaysAnInsert() {
        assertThat(CopyLines.copyOf("INSERT INTO t (a, b) VALUES (?, now())")).isEmpty();
        assertThat(CopyLines.copyOf("INSERT INTO t (a, b) VALUES (?, 'x')")).isEmpty();
        assertThat(CopyLines.copyOf("INSERT INTO t (a, b) VALUES (?, (SELECT k.s FROM k WHERE k.id = ?))")).isEmpty();
        assertThat(CopyLines.copyOf("INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING")).isEmpty();
        assertThat(CopyLines.copyOf("INSERT INTO t (a, b) VALUES (?, ?) RETURNING a")).isEmpty();
        assertThat(CopyLines.copyOf("INSERT INTO t (a, b, c) VALUES (?, ?)")).as("a column without a value").isEmpty();
        assertThat(CopyLines.copyOf("INSERT INTO t VALUES (?, ?)")).as("no column list").isEmpty();
        assertThat(CopyLines.copyOf("UPDATE t SET a = ? WHERE b = ?")).isEmpty();
        assertThat(CopyLines.copyOf("INSERT INTO t (a) VALUES (?); DELETE FROM t")).isEmpty();
    }

    @Test
    void textEscapesWhatWouldEndAFieldOrARowAndNullIsBackslashN() throws Exception {
        CopyLines lines = new CopyLines();
        lines.text("a\tb\nc\rd\\e").text(null).text("\\N").text("").text("é😀");
        lines.endRow();

        assertThat(lines.written()).isEqualTo("a\\tb\\nc\\rd\\\\e\t\\N\t\\\\N\t\té😀\n");
    }

    @Test
    void valuesOfEachKind() throws Exception {
        UUID id = UUID.fromString("0192b1c4-8e5a-7d2e-9f00-0123456789ab");
        CopyLines lines = new CopyLines();
        lines.uuid(id).decimal(new BigDecimal("2.50")).decimal(new BigDecimal("1E+3")).integer(-7).real(0.1)
                .real(Double.NaN).bool(true).bool(false).bool(null).date(LocalDate.parse("2026-12-07"))
                .texts(List.of("a,b", "q\"", "")).integers(Arrays.asList(1, null, 3));
        lines.endRow();

        assertThat(lines.written()).isEqualTo(String.join("\t", id.toString(), "2.50", "1000", "-7", "0.1", "NaN", "t", "f",
                "\\N", "2026-12-07", "{\"a,b\",\"q\\\\\"\",\"\"}", "{1,NULL,3}") + "\n");
    }

    @Test
    void timesAreWrittenToTheMicrosecondRoundedAsTheDriverRoundsThem() throws Exception {
        CopyLines lines = new CopyLines();
        lines.time(Instant.parse("2026-12-07T10:00:00Z"))
                .time(Instant.parse("2026-12-07T10:00:00.000001Z"))
                .time(Instant.parse("2026-12-07T10:00:00.123456499Z"))
                .time(Instant.parse("2026-12-07T10:00:00.123456500Z"))
                .time(Instant.parse("2026-12-31T23:59:59.999999500Z"))
                .time(Instant.parse("-0001-03-01T00:00:00Z"))
                .time(null);
        lines.endRow();

        assertThat(lines.written().split("\t", -1)).containsExactly(
                "2026-12-07 10:00:00+00",
                "2026-12-07 10:00:00.000001+00",
                "2026-12-07 10:00:00.123456+00",
                "2026-12-07 10:00:00.123457+00",
                "2027-01-01 00:00:00+00",
                "0002-03-01 00:00:00+00 BC",
                "\\N\n");
    }

    @Test
    void rowsAreLines() throws Exception {
        CopyLines lines = new CopyLines();
        lines.integer(1).text("x");
        lines.endRow();
        lines.integer(2).text("y");
        lines.endRow();

        assertThat(lines.written()).isEqualTo("1\tx\n2\ty\n");
    }
}
