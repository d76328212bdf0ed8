package com.crashanalytics.persistence.alert;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.alert.AlertKind;
import com.crashanalytics.domain.alert.AlertListFilter;
import com.crashanalytics.domain.alert.AlertReadModel;
import com.crashanalytics.domain.alert.AlertRule;
import com.crashanalytics.domain.alert.AlertRuleBook;
import com.crashanalytics.domain.alert.AlertRuleDefinition;
import com.crashanalytics.domain.alert.AlertScope;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.persistence.common.KeysetSql;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The alert rules in {@code alert_rules}: one row per rule, the scope and channels as text arrays. */
public class JdbcAlertRuleBook implements AlertRuleBook {

    private static final String COLUMNS = """
            r.id, r.name, r.kind, r.bot_ids, r.strategy_names, r.game_names, r.platform_codes, r.amount, r.percent,
            r.count, r.stale_after_seconds, r.multiplier, r.confidence, r.p_value, r.sample_size, r.channels,
            r.cooldown_seconds, r.enabled, r.created_at, r.updated_at""";

    private static final KeysetSql<AlertRule> BY_ID_SQL = new KeysetSql<>(COLUMNS, "alert_rules r", "",
            AlertReadModel.RULES_BY_ID, List.of("r.id"), (rs, row) -> map(rs));

    private static final String VALUES = """
            name = :name, kind = :kind, bot_ids = CAST(:botIds AS text[]), strategy_names = CAST(:strategies AS text[]),
            game_names = CAST(:games AS text[]), platform_codes = CAST(:platforms AS text[]), amount = :amount,
            percent = :percent, count = :count, stale_after_seconds = :staleAfter, multiplier = :multiplier,
            confidence = :confidence, p_value = :pValue, sample_size = :sampleSize,
            channels = CAST(:channels AS text[]), cooldown_seconds = :cooldown, enabled = :enabled,
            updated_at = :now, written_by_key_id = CAST(:writtenBy AS uuid)""";

    private final JdbcClient jdbc;
    private final Authorship authorship;

    public JdbcAlertRuleBook(JdbcClient jdbc, Authorship authorship) {
        this.jdbc = jdbc;
        this.authorship = authorship;
    }

    @Override
    public AlertRule add(AlertRuleDefinition definition, Instant now) {
        long id = jdbc.sql("INSERT INTO alert_rules (name, kind, created_at, updated_at) VALUES (:name, :kind, :now, :now) RETURNING id")
                .param("name", definition.name()).param("kind", definition.kind().name())
                .param("now", SqlValues.timestamptz(now)).query(Long.class).single();
        return replace(id, definition, now).orElseThrow();
    }

    @Override
    public Optional<AlertRule> findForUpdate(long id) {
        return jdbc.sql(SqlTemplate.sql("SELECT {columns} FROM alert_rules r WHERE r.id = :id FOR UPDATE")
                        .with("columns", COLUMNS).text())
                .param("id", id)
                .query((rs, row) -> map(rs)).optional();
    }

    @Override
    public Optional<AlertRule> replace(long id, AlertRuleDefinition definition, Instant now) {
        return jdbc.sql(SqlTemplate.sql("UPDATE alert_rules r SET {values} WHERE r.id = :id RETURNING {columns}")
                        .with("values", VALUES).with("columns", COLUMNS).text())
                .params(parameters(definition, now)).param("id", id)
                .param("writtenBy", authorship.currentKeyId().orElse(null)).query((rs, row) -> map(rs)).optional();
    }

    @Override
    public Optional<AlertRule> delete(long id) {
        return jdbc.sql(SqlTemplate.sql("DELETE FROM alert_rules r WHERE r.id = :id RETURNING {columns}")
                        .with("columns", COLUMNS).text())
                .param("id", id)
                .query((rs, row) -> map(rs)).optional();
    }

    @Override
    public boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM alert_rules WHERE name = :name AND id <> :id)")
                .param("name", name).param("id", exceptId).query(Boolean.class).single();
    }

    @Override
    public List<AlertRule> enabledRules() {
        return jdbc.sql(SqlTemplate.sql("SELECT {columns} FROM alert_rules r WHERE r.enabled ORDER BY r.id")
                        .with("columns", COLUMNS).text())
                .query((rs, row) -> map(rs)).list();
    }

    /** A page, for {@link JdbcAlertReadModel}. */
    Page<AlertRule> page(ListQuery<AlertListFilter> query) {
        return BY_ID_SQL.page(jdbc, new SqlConditions(), query.page());
    }

    long count(AlertListFilter filter) {
        return BY_ID_SQL.count(jdbc, new SqlConditions());
    }

    private static Map<String, Object> parameters(AlertRuleDefinition definition, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", definition.name());
        values.put("kind", definition.kind().name());
        values.put("botIds", definition.scope().botIds().toArray(String[]::new));
        values.put("strategies", definition.scope().strategyNames().toArray(String[]::new));
        values.put("games", definition.scope().gameNames().toArray(String[]::new));
        values.put("platforms", definition.scope().platformCodes().toArray(String[]::new));
        values.put("amount", definition.amount());
        values.put("percent", definition.percent());
        values.put("count", definition.count());
        values.put("staleAfter", definition.staleAfterSeconds());
        values.put("multiplier", definition.multiplier());
        values.put("confidence", definition.confidence());
        values.put("pValue", definition.pValue());
        values.put("sampleSize", definition.sampleSize());
        values.put("channels", definition.channels().toArray(String[]::new));
        values.put("cooldown", definition.cooldownSeconds());
        values.put("enabled", definition.enabled());
        values.put("now", SqlValues.timestamptz(now));
        return values;
    }

    static AlertRule map(ResultSet rs) throws SQLException {
        AlertScope scope = new AlertScope(texts(rs.getArray("bot_ids")), texts(rs.getArray("strategy_names")),
                texts(rs.getArray("game_names")), texts(rs.getArray("platform_codes")));
        AlertRuleDefinition definition = new AlertRuleDefinition(rs.getString("name"),
                AlertKind.valueOf(rs.getString("kind")), scope, SqlValues.decimal(rs, "amount"),
                SqlValues.decimal(rs, "percent"), integer(rs, "count"), integer(rs, "stale_after_seconds"),
                SqlValues.decimal(rs, "multiplier"), real(rs, "confidence"), real(rs, "p_value"),
                integer(rs, "sample_size"), texts(rs.getArray("channels")), rs.getInt("cooldown_seconds"),
                rs.getBoolean("enabled"));
        return new AlertRule(rs.getLong("id"), definition, SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"));
    }

    static List<String> texts(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Double real(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
