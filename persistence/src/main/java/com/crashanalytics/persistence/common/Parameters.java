package com.crashanalytics.persistence.common;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A row's values in order, nulls included, so a batch setter reads like the column list it fills. Bound to a
 * prepared statement's placeholders ({@link #of}), or written as a line of COPY's text ({@link CopyLines}) when
 * {@link Batches} sends a large insert that way: one setter serves both, so the two cannot disagree on a column.
 * One instance per row (per statement, for a statement's placeholders).
 */
public interface Parameters {

    /** The placeholders of {@code statement}, from the first. */
    static Parameters of(PreparedStatement statement) {
        return new StatementParameters(statement);
    }

    Parameters text(@Nullable String value) throws SQLException;

    Parameters uuid(@Nullable UUID value) throws SQLException;

    Parameters decimal(@Nullable BigDecimal value) throws SQLException;

    Parameters integer(@Nullable Integer value) throws SQLException;

    Parameters real(@Nullable Double value) throws SQLException;

    Parameters bool(@Nullable Boolean value) throws SQLException;

    /** A {@code timestamptz}, to the microsecond as PostgreSQL keeps it ({@link SqlValues#asStored}). */
    Parameters time(@Nullable Instant value) throws SQLException;

    /** A {@code text[]}. */
    Parameters texts(Collection<String> values) throws SQLException;

    /** An {@code int[]}. */
    Parameters integers(Collection<Integer> values) throws SQLException;

    Parameters date(@Nullable LocalDate value) throws SQLException;
}
