package com.crashanalytics.persistence.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.bot.TradeType;
import com.crashanalytics.persistence.common.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL conditions built from the parts of a query that are present, so the planner sees plain range conditions it
 * can use an index for (not {@code :from IS NULL OR t >= :from}, which a generic plan cannot). Values are always
 * bound as parameters; only fixed column names are spliced in.
 */
final class WindowSql {

    private final List<String> conditions = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();

    private record Parameter(String name, Object value) {
    }

    /** {@code column >= from AND column < to}, for the ends the window has. */
    WindowSql window(String column, TimeWindow window, String prefix) {
        if (window.from() != null) {
            conditions.add(column + " >= :" + prefix + "From");
            parameters.add(new Parameter(prefix + "From", SqlValues.timestamptz(window.from())));
        }
        if (window.to() != null) {
            conditions.add(column + " < :" + prefix + "To");
            parameters.add(new Parameter(prefix + "To", SqlValues.timestamptz(window.to())));
        }
        return this;
    }

    /** {@code column = :name} when the value is present. */
    WindowSql equal(String column, @Nullable Object value, String name) {
        if (value != null) {
            conditions.add(column + " = :" + name);
            parameters.add(new Parameter(name, value));
        }
        return this;
    }

    /** {@code column = ANY(:name)} over the values. */
    WindowSql anyOf(String column, String[] values, String name) {
        conditions.add(column + " = ANY(:" + name + ")");
        parameters.add(new Parameter(name, values));
        return this;
    }

    /**
     * Only rows of the bots {@code tradeTypes} selects, through their {@code bot_id} (rounds and every rollup keyed by
     * bot have one): a semi-join on the bots' small (trade_type, bot_id) index, so rollups keep their speed.
     */
    WindowSql tradeTypes(TradeTypeFilter tradeTypes) {
        TradeType only = tradeTypes.only();
        if (only != null) {
            conditions.add("bot_id IN (SELECT tt.bot_id FROM bot_vm_registration tt WHERE tt.trade_type = :tradeType)");
            parameters.add(new Parameter("tradeType", only.name()));
        }
        return this;
    }

    WindowSql condition(String sql) {
        conditions.add(sql);
        return this;
    }

    WindowSql parameter(String name, Object value) {
        parameters.add(new Parameter(name, value));
        return this;
    }

    /** The conditions joined with AND; {@code TRUE} when there are none. */
    String where() {
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        JdbcClient.StatementSpec bound = statement;
        for (Parameter parameter : parameters) {
            bound = bound.param(parameter.name(), parameter.value());
        }
        return bound;
    }

    /**
     * {@code round_start_timestamp} in [from, to), as a condition whose bounds are bound as parameters named after
     * {@code prefix}: the partial hours at a window's edges, read from the rounds.
     */
    String roundsBetween(Instant from, Instant to, String prefix) {
        parameter(prefix + "From", SqlValues.timestamptz(from));
        parameter(prefix + "To", SqlValues.timestamptz(to));
        return "round_start_timestamp >= :" + prefix + "From AND round_start_timestamp < :" + prefix + "To";
    }

    /**
     * A window read as whole UTC hours from an hourly rollup and as rounds for the partial hours at its edges (or as
     * rounds alone when it lies inside one hour): the SELECTs {@code hourly} and {@code rounds} make of their WHERE
     * conditions (this builder's, plus the hours or times), to be joined with UNION ALL. Binds the window's bounds.
     */
    List<String> wholeHoursAndEdges(TimeWindow window, UnaryOperator<String> hourly, UnaryOperator<String> rounds) {
        return wholeUnitsAndEdges(window, window.from() == null ? null : ceilingHour(window.from()),
                window.to() == null ? null : window.to().truncatedTo(ChronoUnit.HOURS),
                "hour", "WholeHour", SqlValues::timestamptz, hourly, rounds);
    }

    /**
     * {@link #wholeHoursAndEdges} by UTC days: the whole days inside the window from a daily rollup ({@code day} column,
     * a date), the partial days at its edges (or the whole window when no day fits in it) from the rows themselves.
     */
    List<String> wholeDaysAndEdges(TimeWindow window, UnaryOperator<String> daily, UnaryOperator<String> rows) {
        return wholeUnitsAndEdges(window, window.from() == null ? null : startOf(ceilingDay(window.from())),
                window.to() == null ? null : startOf(utcDay(window.to())),
                "day", "WholeDay", WindowSql::utcDay, daily, rows);
    }

    /**
     * The window as whole units (hours, days) from a rollup whose {@code column} names the unit's start, bound as
     * {@code unitValue} makes it, and as rows for the partial units at its edges.
     */
    private List<String> wholeUnitsAndEdges(TimeWindow window, @Nullable Instant firstWhole,
                                            @Nullable Instant endOfWhole, String column, String parameterName,
                                            Function<Instant, Object> unitValue, UnaryOperator<String> rollup,
                                            UnaryOperator<String> rows) {
        String scope = where();
        List<String> parts = new ArrayList<>();
        if (firstWhole != null && endOfWhole != null && !firstWhole.isBefore(endOfWhole)) {
            parts.add(rows.apply(scope + " AND " + roundsBetween(window.from(), window.to(), "inside")));
            return parts;
        }
        parts.add(rollup.apply(scope
                + (firstWhole == null ? "" : " AND " + column + " >= :first" + parameterName)
                + (endOfWhole == null ? "" : " AND " + column + " < :endOf" + parameterName + "s")));
        if (firstWhole != null) {
            parameter("first" + parameterName, unitValue.apply(firstWhole));
            if (window.from().isBefore(firstWhole)) {
                parts.add(rows.apply(scope + " AND " + roundsBetween(window.from(), firstWhole, "head")));
            }
        }
        if (endOfWhole != null) {
            parameter("endOf" + parameterName + "s", unitValue.apply(endOfWhole));
            if (endOfWhole.isBefore(window.to())) {
                parts.add(rows.apply(scope + " AND " + roundsBetween(endOfWhole, window.to(), "tail")));
            }
        }
        return parts;
    }

    /** The first whole UTC day starting at or after the instant. */
    static LocalDate ceilingDay(Instant instant) {
        LocalDate day = utcDay(instant);
        return startOf(day).equals(instant) ? day : day.plusDays(1);
    }

    /** The first whole UTC hour starting at or after the instant. */
    static Instant ceilingHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }

    /** The UTC day an instant falls on. */
    static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
