package com.crashanalytics.persistence.common;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.crashanalytics.persistence.common.Batches.RowParameters;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows sent with {@code COPY ... FROM STDIN} in its text format instead of an INSERT batch: PostgreSQL reads them
 * without parsing, planning and executing a statement per few rows, which the benchmark's baselines put at about
 * 15 % of its time for a batch of logged rounds (0.58 against 0.68 ms of CPU a round). The rows fire the same
 * triggers and checks as an insert, in the same transaction; a row that breaks a constraint fails the COPY, and the
 * transaction, as it would fail the batch.
 *
 * <p>Each row is written by the batch's own {@link RowParameters}, the same code that binds the insert's
 * placeholders, so only an insert whose every value is a bare placeholder (or a placeholder cast to a type, which
 * the column's own type input does as well) can be sent this way ({@link #copyOf}). The lines are streamed in
 * chunks as they are written, so PostgreSQL stores the first rows while the last are still being encoded.
 */
final class CopyLines implements Parameters {

    /** Characters of COPY text sent at a time: the server starts on the first rows while later ones are encoded. */
    static final int CHUNK = 64 * 1024;

    /** A value COPY can stand for: a placeholder, or a placeholder cast to a type. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?is)\\?|CAST\\s*\\(\\s*\\?\\s+AS\\s+[\\w\\[\\] ]+\\)");
    private static final String NULL = "\\N";

    private final StringBuilder text = new StringBuilder(CHUNK + CHUNK / 4);
    private boolean rowStarted;

    /**
     * The {@code COPY} that stores the rows of {@code insert} as it would, if {@code insert} is an
     * {@code INSERT INTO table (columns) VALUES (...)} of one row ({@link OneRowInsert}) whose values are each a
     * placeholder, in the order of its columns; else empty (a value computed in SQL, a subquery, a literal).
     */
    static Optional<String> copyOf(String insert) {
        return OneRowInsert.of(insert)
                .filter(parts -> parts.values().size() == parts.columnNames().size()
                        && parts.values().stream().allMatch(value -> PLACEHOLDER.matcher(value).matches()))
                .map(parts -> "COPY " + parts.table() + " (" + parts.columns().strip() + ") FROM STDIN");
    }

    /** Stores {@code rows} with {@code copy} ({@link #copyOf}) on {@code connection}, in its transaction. */
    static <T> void copy(Connection connection, String copy, List<T> rows, RowParameters<T> fill) throws SQLException {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            CopyLines lines = new CopyLines();
            for (T row : rows) {
                fill.fill(lines, row);
                lines.endRow();
                if (lines.text.length() >= CHUNK) {
                    lines.sendTo(in);
                }
            }
            lines.sendTo(in);
            in.endCopy();
        } catch (SQLException | RuntimeException failed) {
            if (in.isActive()) {
                try {
                    in.cancelCopy(); // the transaction fails with the COPY: nothing of it is stored
                } catch (SQLException cancelFailed) {
                    failed.addSuppressed(cancelFailed);
                }
            }
            throw failed;
        }
    }

    /** The lines written and not yet sent, as COPY reads them (for tests). */
    String written() {
        return text.toString();
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
    }

    private void sendTo(CopyIn in) throws SQLException {
        if (!text.isEmpty()) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    private StringBuilder field() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        return text;
    }

    /** A value whose text needs no escaping (a number, a uuid, a boolean), or null. */
    private CopyLines plain(@Nullable String text) {
        field().append(text == null ? NULL : text);
        return this;
    }

    @Override
    public Parameters text(@Nullable String value) {
        if (value == null) {
            return plain(null);
        }
        escaped(field(), value);
        return this;
    }

    /** COPY's text escapes: a backslash, and the characters that end a field or a row. */
    private static void escaped(StringBuilder to, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> to.append("\\\\");
                case '\n' -> to.append("\\n");
                case '\r' -> to.append("\\r");
                case '\t' -> to.append("\\t");
                default -> to.append(c);
            }
        }
    }

    @Override
    public Parameters uuid(@Nullable UUID value) {
        return plain(value == null ? null : value.toString());
    }

    /** As written, scale included (2.50 stays 2.50, as the driver binds it). */
    @Override
    public Parameters decimal(@Nullable BigDecimal value) {
        return plain(value == null ? null : value.toPlainString());
    }

    @Override
    public Parameters integer(@Nullable Integer value) {
        return plain(value == null ? null : value.toString());
    }

    /** Java's shortest text that reads back as the same double; PostgreSQL reads it (and Infinity, NaN) exactly. */
    @Override
    public Parameters real(@Nullable Double value) {
        return plain(value == null ? null : value.toString());
    }

    @Override
    public Parameters bool(@Nullable Boolean value) {
        return plain(value == null ? null : value ? "t" : "f");
    }

    /** Rounded to the microsecond as the driver rounds a bound time ({@link SqlValues#asStored}), in UTC. */
    @Override
    public Parameters time(@Nullable Instant value) {
        if (value == null) {
            return plain(null);
        }
        LocalDateTime utc = LocalDateTime.ofInstant(SqlValues.asStored(value), ZoneOffset.UTC);
        StringBuilder to = field();
        date(to, utc.toLocalDate(), false);
        to.append(' ');
        two(to, utc.getHour()).append(':');
        two(to, utc.getMinute()).append(':');
        two(to, utc.getSecond());
        int micros = utc.getNano() / 1_000;
        if (micros != 0) {
            String digits = Integer.toString(micros);
            to.append('.').append("000000", digits.length(), 6).append(digits);
        }
        to.append("+00");
        if (utc.getYear() <= 0) {
            to.append(" BC");
        }
        return this;
    }

    @Override
    public Parameters date(@Nullable LocalDate value) {
        if (value == null) {
            return plain(null);
        }
        date(field(), value, true);
        return this;
    }

    /**
     * {@code yyyy-mm-dd}, a year before 1 written as PostgreSQL writes it (the year 0 is 1 BC); {@code era} adds the
     * " BC" here, a time adds it after its clock.
     */
    private static void date(StringBuilder to, LocalDate date, boolean era) {
        int year = date.getYear() <= 0 ? 1 - date.getYear() : date.getYear();
        String digits = Integer.toString(year);
        if (digits.length() < 4) {
            to.append("0000", digits.length(), 4);
        }
        to.append(digits).append('-');
        two(to, date.getMonthValue()).append('-');
        two(to, date.getDayOfMonth());
        if (era && date.getYear() <= 0) {
            to.append(" BC");
        }
    }

    private static StringBuilder two(StringBuilder to, int value) {
        return to.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** A PostgreSQL array literal, each element quoted (so a comma, brace or quote in it stays in it). */
    @Override
    public Parameters texts(Collection<String> values) {
        return text(arrayLiteral(values, value -> '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"'));
    }

    @Override
    public Parameters integers(Collection<Integer> values) {
        return text(arrayLiteral(values, Object::toString));
    }

    /** {@code {a,b,NULL}}: the elements as {@code element} writes them, a null as NULL. */
    private static <T> String arrayLiteral(Collection<T> values, Function<T, String> element) {
        StringJoiner literal = new StringJoiner(",", "{", "}");
        for (T value : values) {
            literal.add(value == null ? "NULL" : element.apply(value));
        }
        return literal.toString();
    }
}
