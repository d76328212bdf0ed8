package com.crashanalytics.persistence.common;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/** Conversions between SQL column values and the domain's types, in one place. */
public final class SqlValues {

    private SqlValues() {
    }

    /**
     * A numeric column as the domain wants it: {@code numeric(20,8)} returns 10.00000000 for a stake of 10;
     * trailing zeros are dropped so the API answers 10 (and 3.3 rather than 3.30000000).
     */
    public static @Nullable BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : normalize(value);
    }

    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * An instant as PostgreSQL keeps it once written through {@link #timestamptz}: to the microsecond, the driver
     * rounding a remainder of 500 ns or more up. For comparing with stored times by equality an instant known only
     * from a report (it may carry nanoseconds).
     */
    public static Instant asStored(Instant instant) {
        long belowMicro = instant.getNano() % 1_000;
        return instant.minusNanos(belowMicro).plusNanos(belowMicro >= 500 ? 1_000 : 0);
    }

    /** An instant as a JDBC parameter for a timestamptz column. */
    public static @Nullable OffsetDateTime timestamptz(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
