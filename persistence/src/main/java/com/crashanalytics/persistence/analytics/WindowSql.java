package com.crashanalytics.persistence.analytics;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.persistence.common.SqlConditions;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The former API of {@link SqlConditions}, kept only for {@code JdbcPerformanceReadModel} while that class is being
 * split (issue 18); it goes once that class uses {@link SqlConditions} itself. Every method hands over to
 * {@link SqlConditions}, so the conditions are built in one place and the statements' text is what it was.
 */
final class WindowSql {

    private final SqlConditions conditions = new SqlConditions();

    WindowSql window(String column, TimeWindow window, String prefix) {
        conditions.window(column, prefix, window);
        return this;
    }

    WindowSql equal(String column, @Nullable Object value, String name) {
        conditions.equal(column, name, value);
        return this;
    }

    /** {@code column = ANY(:name)}, as the performance statements have always written it. */
    WindowSql anyOf(String column, String[] values, String name) {
        conditions.condition(column + " = ANY(:" + name + ")", Map.of(name, values));
        return this;
    }

    WindowSql tradeTypes(TradeTypeFilter tradeTypes) {
        conditions.tradeTypes(tradeTypes);
        return this;
    }

    WindowSql condition(String sql) {
        conditions.condition(sql);
        return this;
    }

    WindowSql parameter(String name, Object value) {
        conditions.parameter(name, value);
        return this;
    }

    String where() {
        return conditions.sql();
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return conditions.bind(statement);
    }

    List<String> wholeHoursAndEdges(TimeWindow window, UnaryOperator<String> hourly, UnaryOperator<String> rounds) {
        return conditions.wholeHoursAndEdges(window, hourly, rounds);
    }
}
