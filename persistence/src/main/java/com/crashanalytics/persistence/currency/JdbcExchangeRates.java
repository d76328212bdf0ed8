package com.crashanalytics.persistence.currency;

import static com.crashanalytics.persistence.common.SqlValues.instant;
import static com.crashanalytics.persistence.common.SqlValues.timestamptz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.crashanalytics.domain.analytics.currency.ExchangeRate;
import com.crashanalytics.domain.analytics.currency.ExchangeRateReadModel;
import com.crashanalytics.domain.analytics.currency.ExchangeRates;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code exchange_rates}: an upsert by pair and instant, and the rate in force per pair by a DISTINCT ON. */
public class JdbcExchangeRates implements ExchangeRates, ExchangeRateReadModel {

    private static final String COLUMNS = "from_currency, to_currency, rate, valid_from, set_at";

    /** Every rate matching the optional currencies, newest first per pair. */
    private static final String EVERY_RATE = """
            SELECT {columns} FROM exchange_rates WHERE (CAST(:from AS text) IS NULL OR from_currency = :from)
            AND (CAST(:to AS text) IS NULL OR to_currency = :to)
            ORDER BY from_currency COLLATE "C", to_currency COLLATE "C", valid_from DESC""";

    /** The rate in force at :at of each pair matching the optional currencies. */
    private static final String RATES_IN_FORCE = """
            SELECT DISTINCT ON (from_currency, to_currency) {columns} FROM exchange_rates
            WHERE (CAST(:from AS text) IS NULL OR from_currency = :from)
            AND (CAST(:to AS text) IS NULL OR to_currency = :to) AND valid_from <= :at
            ORDER BY from_currency, to_currency, valid_from DESC""";

    private final JdbcClient jdbc;

    public JdbcExchangeRates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ExchangeRate> findForUpdate(String from, String to, Instant validFrom) {
        return jdbc.sql(SqlTemplate.sql("""
                        SELECT {columns} FROM exchange_rates
                        WHERE from_currency = :from AND to_currency = :to AND valid_from = :validFrom FOR UPDATE""")
                        .with("columns", COLUMNS).text())
                .param("from", from)
                .param("to", to)
                .param("validFrom", timestamptz(validFrom))
                .query((rs, row) -> map(rs))
                .optional();
    }

    @Override
    public void save(ExchangeRate rate) {
        jdbc.sql("""
                        INSERT INTO exchange_rates (from_currency, to_currency, valid_from, rate, set_at)
                        VALUES (:from, :to, :validFrom, :rate, :setAt)
                        ON CONFLICT (from_currency, to_currency, valid_from)
                        DO UPDATE SET rate = EXCLUDED.rate, set_at = EXCLUDED.set_at
                        """)
                .param("from", rate.from())
                .param("to", rate.to())
                .param("validFrom", timestamptz(rate.validFrom()))
                .param("rate", rate.rate())
                .param("setAt", timestamptz(rate.setAt()))
                .update();
    }

    @Override
    public List<ExchangeRate> list(@Nullable String from, @Nullable String to, @Nullable Instant inForceAt) {
        String sql = SqlTemplate.sql(inForceAt == null ? EVERY_RATE : RATES_IN_FORCE).with("columns", COLUMNS).text();
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("from", from).param("to", to);
        if (inForceAt != null) {
            statement = statement.param("at", timestamptz(inForceAt));
        }
        return statement.query((rs, row) -> map(rs)).list();
    }

    @Override
    public Map<String, ExchangeRate> inForce(Collection<String> from, String to, Instant at) {
        return jdbc.sql(SqlTemplate.sql("""
                        SELECT DISTINCT ON (from_currency) {columns} FROM exchange_rates
                        WHERE from_currency = ANY(:from) AND to_currency = :to AND valid_from <= :at
                        ORDER BY from_currency, valid_from DESC""")
                        .with("columns", COLUMNS).text())
                .param("from", from.toArray(String[]::new))
                .param("to", to)
                .param("at", timestamptz(at))
                .query((rs, row) -> map(rs))
                .list()
                .stream()
                .collect(Collectors.toMap(ExchangeRate::from, Function.identity()));
    }

    private static ExchangeRate map(ResultSet rs) throws SQLException {
        return new ExchangeRate(rs.getString("from_currency"), rs.getString("to_currency"), rs.getBigDecimal("rate"),
                instant(rs, "valid_from"), instant(rs, "set_at"));
    }
}
