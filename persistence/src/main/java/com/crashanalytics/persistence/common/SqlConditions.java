package com.crashanalytics.persistence.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.bot.TradeType;
import com.crashanalytics.domain.common.paging.SortDirection;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The WHERE conditions of one statement, each with its named parameters, all of which must hold. Every filter adds
 * its condition only when its value is given, so the planner sees plain conditions it can use an index for (not
 * {@code :from IS NULL OR t >= :from}, which a generic plan cannot). Values are always bound as parameters; only
 * column names and SQL the code itself writes are spliced in.
 *
 * <p>The one condition builder of persistence: list reads by keyset ({@link KeysetSql}) and analytics reads use it
 * alike. A parameter name bound twice must keep its value: two filters that picked the same name would otherwise
 * silently read with one of them.
 */
public final class SqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, @Nullable Object> parameters = new LinkedHashMap<>();

    /** {@code column = :parameter}, when the value is given. Enums compare by name. */
    public SqlConditions equal(String column, String parameter, @Nullable Object value) {
        if (value != null) {
            add(column + " = :" + parameter, parameter, value instanceof Enum<?> constant ? constant.name() : value);
        }
        return this;
    }

    /** {@code column} is one of the values, when a list is given (an empty list matches nothing). */
    public SqlConditions anyOf(String column, String parameter, @Nullable Collection<String> values) {
        if (values != null) {
            add(column + " = ANY(CAST(:" + parameter + " AS text[]))", parameter, values.toArray(String[]::new));
        }
        return this;
    }

    /** {@code column >= :parameter}, when the time is given. */
    public SqlConditions notBefore(String column, String parameter, @Nullable Instant from) {
        if (from != null) {
            add(column + " >= :" + parameter, parameter, SqlValues.timestamptz(from));
        }
        return this;
    }

    /** {@code column < :parameter}, when the time is given. */
    public SqlConditions before(String column, String parameter, @Nullable Instant to) {
        if (to != null) {
            add(column + " < :" + parameter, parameter, SqlValues.timestamptz(to));
        }
        return this;
    }

    /** {@code column} in [from, to) for the ends the window has, bound as {@code <prefix>From} and {@code <prefix>To}. */
    public SqlConditions window(String column, String prefix, TimeWindow window) {
        return notBefore(column, prefix + "From", window.from()).before(column, prefix + "To", window.to());
    }

    /**
     * Only rows of the bots {@code tradeTypes} selects, through their {@code bot_id} (rounds and every rollup keyed by
     * bot have one): a semi-join on the bots' small (trade_type, bot_id) index, so rollups keep their speed.
     */
    public SqlConditions tradeTypes(TradeTypeFilter tradeTypes) {
        TradeType only = tradeTypes.only();
        if (only != null) {
            add("bot_id IN (SELECT tt.bot_id FROM bot_vm_registration tt WHERE tt.trade_type = :tradeType)",
                    "tradeType", only.name());
        }
        return this;
    }

    /**
     * Only rows (of {@code crash_game_rounds} or a rollup keyed by game and platform) on platforms configured in
     * {@code currency}, when one is given.
     */
    public SqlConditions platformCurrency(@Nullable String currency) {
        if (currency != null) {
            add("""
                    (game_name, platform_code) IN (SELECT game_name, platform_code FROM game_platform_config \
                    WHERE currency = :currency)""", "currency", currency);
        }
        return this;
    }

    /**
     * The rows whose key comes after {@code key} in a keyset order: {@code (k1, k2) > (:after_1, :after_2)} (or
     * {@code <} when descending), a row comparison an index on the key columns answers with one range scan.
     */
    public SqlConditions after(List<String> keyColumns, SortDirection direction, List<?> key) {
        if (key.size() != keyColumns.size()) {
            throw new IllegalArgumentException("a key of " + key.size() + " parts after columns " + keyColumns);
        }
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            String name = "after_" + (i + 1);
            placeholders.add(":" + name);
            parameter(name, key.get(i) instanceof Instant time ? SqlValues.timestamptz(time) : key.get(i));
        }
        String comparison = direction == SortDirection.ASC ? " > " : " < ";
        return condition(keyColumns.size() == 1
                ? keyColumns.get(0) + comparison + placeholders.get(0)
                : "(" + String.join(", ", keyColumns) + ")" + comparison + "(" + String.join(", ", placeholders) + ")");
    }

    /** Any condition; its parameters, if it has any, are bound with {@link #parameter}. */
    public SqlConditions condition(String sql) {
        conditions.add(sql);
        return this;
    }

    /** Any condition with its named parameters. */
    public SqlConditions condition(String sql, Map<String, ?> namedValues) {
        condition(sql);
        namedValues.forEach(this::parameter);
        return this;
    }

    /** A named parameter the statement reads (of a condition, or of another part of the statement). */
    public SqlConditions parameter(String name, @Nullable Object value) {
        if (parameters.containsKey(name) && !Objects.deepEquals(parameters.get(name), value)) {
            throw new IllegalStateException("the parameter :" + name + " is bound twice, to two values");
        }
        parameters.put(name, value);
        return this;
    }

    /** A copy with one more condition first (one without parameters). */
    public SqlConditions copyWithFirst(String condition) {
        SqlConditions copy = new SqlConditions();
        copy.conditions.add(condition);
        copy.conditions.addAll(conditions);
        copy.parameters.putAll(parameters);
        return copy;
    }

    /** A copy that further conditions leave this one as it is. */
    public SqlConditions copy() {
        SqlConditions copy = new SqlConditions();
        copy.conditions.addAll(conditions);
        copy.parameters.putAll(parameters);
        return copy;
    }

    /** The conditions joined with AND; {@code TRUE} when there are none. */
    public String sql() {
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    /** The named parameters, in the order they were bound. */
    public Map<String, @Nullable Object> parameters() {
        return new LinkedHashMap<>(parameters);
    }

    /** The statement with every named parameter bound. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        JdbcClient.StatementSpec bound = statement;
        for (Map.Entry<String, @Nullable Object> parameter : parameters.entrySet()) {
            bound = bound.param(parameter.getKey(), parameter.getValue());
        }
        return bound;
    }

    /**
     * A window read as whole UTC hours from an hourly rollup ({@code hour} column) and as rounds for the partial hours
     * at its edges (or as rounds alone when it lies inside one hour): the SELECTs {@code hourly} and {@code rounds}
     * make of their WHERE conditions (these, plus the hours or start times), to be joined with UNION ALL. Binds the
     * window's bounds.
     */
    public List<String> wholeHoursAndEdges(TimeWindow window, UnaryOperator<String> hourly,
                                           UnaryOperator<String> rounds) {
        return wholeUnitsAndEdges(window, window.from() == null ? null : ceilingHour(window.from()),
                window.to() == null ? null : window.to().truncatedTo(ChronoUnit.HOURS),
                "hour", "WholeHour", SqlValues::timestamptz, hourly, rounds);
    }

    /**
     * {@link #wholeHoursAndEdges} by UTC days: the whole days inside the window from a daily rollup ({@code day} column,
     * a date), the partial days at its edges (or the whole window when no day fits in it) from the rows themselves.
     */
    public List<String> wholeDaysAndEdges(TimeWindow window, UnaryOperator<String> daily, UnaryOperator<String> rows) {
        return wholeUnitsAndEdges(window, window.from() == null ? null : startOf(ceilingDay(window.from())),
                window.to() == null ? null : startOf(utcDay(window.to())),
                "day", "WholeDay", SqlConditions::utcDay, daily, rows);
    }

    private void add(String condition, String parameter, Object value) {
        condition(condition);
        parameter(parameter, value);
    }

    /**
     * {@code round_start_timestamp} in [from, to), as a condition whose bounds are bound as parameters named after
     * {@code prefix}: the partial hours at a window's edges, read from the rounds.
     */
    private String roundsBetween(Instant from, Instant to, String prefix) {
        parameter(prefix + "From", SqlValues.timestamptz(from));
        parameter(prefix + "To", SqlValues.timestamptz(to));
        return "round_start_timestamp >= :" + prefix + "From AND round_start_timestamp < :" + prefix + "To";
    }

    /**
     * The window as whole units (hours, days) from a rollup whose {@code column} names the unit's start, bound as
     * {@code unitValue} makes it, and as rows for the partial units at its edges.
     */
    private List<String> wholeUnitsAndEdges(TimeWindow window, @Nullable Instant firstWhole,
                                            @Nullable Instant endOfWhole, String column, String parameterName,
                                            Function<Instant, Object> unitValue, UnaryOperator<String> rollup,
                                            UnaryOperator<String> rows) {
        String scope = sql();
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
