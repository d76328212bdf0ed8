package com.crashanalytics.persistence.common;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** {@link Parameters} bound to a prepared statement's placeholders, in order. */
final class StatementParameters implements Parameters {

    private final PreparedStatement statement;
    private int index;

    StatementParameters(PreparedStatement statement) {
        this.statement = statement;
    }

    @Override
    public Parameters text(@Nullable String value) throws SQLException {
        statement.setString(++index, value);
        return this;
    }

    @Override
    public Parameters uuid(@Nullable UUID value) throws SQLException {
        statement.setObject(++index, value, Types.OTHER);
        return this;
    }

    @Override
    public Parameters decimal(@Nullable BigDecimal value) throws SQLException {
        statement.setBigDecimal(++index, value);
        return this;
    }

    @Override
    public Parameters integer(@Nullable Integer value) throws SQLException {
        statement.setObject(++index, value, Types.INTEGER);
        return this;
    }

    @Override
    public Parameters real(@Nullable Double value) throws SQLException {
        statement.setObject(++index, value, Types.DOUBLE);
        return this;
    }

    @Override
    public Parameters bool(@Nullable Boolean value) throws SQLException {
        statement.setObject(++index, value, Types.BOOLEAN);
        return this;
    }

    @Override
    public Parameters time(@Nullable Instant value) throws SQLException {
        statement.setObject(++index, SqlValues.timestamptz(value), Types.TIMESTAMP_WITH_TIMEZONE);
        return this;
    }

    @Override
    public Parameters texts(Collection<String> values) throws SQLException {
        statement.setArray(++index, statement.getConnection().createArrayOf("text", values.toArray()));
        return this;
    }

    @Override
    public Parameters integers(Collection<Integer> values) throws SQLException {
        statement.setArray(++index, statement.getConnection().createArrayOf("int4", values.toArray()));
        return this;
    }

    @Override
    public Parameters date(@Nullable LocalDate value) throws SQLException {
        statement.setObject(++index, value, Types.DATE);
        return this;
    }
}
