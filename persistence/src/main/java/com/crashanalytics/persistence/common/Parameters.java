package com.crashanalytics.persistence.common;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Sets a prepared statement's parameters in order, nulls included, so a batch setter reads like the column list
 * it fills. One instance per row.
 */
public final class Parameters {

    private final PreparedStatement statement;
    private int index;

    public Parameters(PreparedStatement statement) {
        this.statement = statement;
    }

    public Parameters text(@Nullable String value) throws SQLException {
        statement.setString(++index, value);
        return this;
    }

    public Parameters uuid(@Nullable UUID value) throws SQLException {
        statement.setObject(++index, value, Types.OTHER);
        return this;
    }

    public Parameters decimal(@Nullable BigDecimal value) throws SQLException {
        statement.setBigDecimal(++index, value);
        return this;
    }

    public Parameters integer(@Nullable Integer value) throws SQLException {
        statement.setObject(++index, value, Types.INTEGER);
        return this;
    }

    public Parameters real(@Nullable Double value) throws SQLException {
        statement.setObject(++index, value, Types.DOUBLE);
        return this;
    }

    public Parameters bool(@Nullable Boolean value) throws SQLException {
        statement.setObject(++index, value, Types.BOOLEAN);
        return this;
    }

    public Parameters time(@Nullable Instant value) throws SQLException {
        statement.setObject(++index, SqlValues.timestamptz(value), Types.TIMESTAMP_WITH_TIMEZONE);
        return this;
    }

    public Parameters date(LocalDate value) throws SQLException {
        statement.setObject(++index, value, Types.DATE);
        return this;
    }
}
