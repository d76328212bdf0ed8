package com.crashanalytics.persistence.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.crashanalytics.domain.alert.Alert;
import com.crashanalytics.domain.alert.AlertKind;
import com.crashanalytics.domain.alert.AlertListFilter;
import com.crashanalytics.domain.alert.AlertReadModel;
import com.crashanalytics.domain.alert.AlertLog;
import com.crashanalytics.domain.alert.AlertPayload;
import com.crashanalytics.domain.alert.AlertScope;
import com.crashanalytics.domain.alert.AlertSubject;
import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.persistence.common.JsonColumns;
import com.crashanalytics.persistence.common.KeysetSql;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Alerts in {@code alerts}, open condition episodes in {@code alert_rule_episodes}. */
public class JdbcAlertLog implements AlertLog {

    static final String COLUMNS = """
            a.id, a.rule_id, a.rule_name, a.kind, a.scope, a.subject_kind, a.bot_id, a.session_id, a.game_name,
            a.platform_code, a.message, a.figures, a.raised_at""";

    private static final KeysetSql<Alert> BY_ID_SQL = new KeysetSql<>(COLUMNS, "alerts a", "",
            AlertReadModel.ALERTS_BY_ID, List.of("a.id"), (rs, row) -> map(rs));

    private final JdbcClient jdbc;

    public JdbcAlertLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Alert raise(Alert.Draft draft) {
        return jdbc.sql(SqlTemplate.sql("""
                        INSERT INTO alerts AS a (rule_id, rule_name, kind, scope, subject_kind, subject_key, bot_id,
                                                 session_id, game_name, platform_code, message, figures, raised_at)
                        VALUES (:ruleId, :ruleName, :kind, CAST(:scope AS jsonb), :subjectKind, :subjectKey, :botId,
                                :sessionId, :game, :platform, :message, CAST(:figures AS jsonb), :raisedAt)
                        RETURNING {columns}""").with("columns", COLUMNS).text())
                .param("ruleId", draft.ruleId()).param("ruleName", draft.ruleName()).param("kind", draft.kind().name())
                .param("scope", json(AlertPayload.scope(draft.scope())))
                .param("subjectKind", draft.subject().kind().name()).param("subjectKey", draft.subject().key())
                .param("botId", draft.subject().botId()).param("sessionId", draft.subject().sessionId())
                .param("game", draft.subject().gameName()).param("platform", draft.subject().platformCode())
                .param("message", draft.message()).param("figures", json(draft.figures()))
                .param("raisedAt", SqlValues.timestamptz(draft.raisedAt()))
                .query((rs, row) -> map(rs)).single();
    }

    @Override
    public Optional<Instant> lastRaisedAt(long ruleId, String subjectKey) {
        return jdbc.sql("SELECT max(raised_at) AS at FROM alerts WHERE rule_id = :ruleId AND subject_key = :subject")
                .param("ruleId", ruleId).param("subject", subjectKey)
                .query((rs, row) -> Optional.ofNullable(SqlValues.instant(rs, "at"))).single();
    }

    @Override
    public Set<String> openEpisodes(long ruleId) {
        return new HashSet<>(jdbc.sql("SELECT episode_key FROM alert_rule_episodes WHERE rule_id = :ruleId")
                .param("ruleId", ruleId).query(String.class).list());
    }

    @Override
    public void openEpisode(long ruleId, String episodeKey, String subjectKey, Instant openedAt, @Nullable Long alertId) {
        jdbc.sql("""
                        INSERT INTO alert_rule_episodes (rule_id, episode_key, subject_key, opened_at, alert_id)
                        VALUES (:ruleId, :episode, :subject, :openedAt, :alertId)""")
                .param("ruleId", ruleId).param("episode", episodeKey).param("subject", subjectKey)
                .param("openedAt", SqlValues.timestamptz(openedAt)).param("alertId", alertId).update();
    }

    @Override
    public void closeEpisodes(long ruleId, Collection<String> episodeKeys) {
        if (!episodeKeys.isEmpty()) {
            jdbc.sql("DELETE FROM alert_rule_episodes WHERE rule_id = :ruleId AND episode_key = ANY(CAST(:keys AS text[]))")
                    .param("ruleId", ruleId).param("keys", episodeKeys.toArray(String[]::new)).update();
        }
    }

    @Override
    public void forgetEpisodes(long ruleId) {
        jdbc.sql("DELETE FROM alert_rule_episodes WHERE rule_id = :ruleId").param("ruleId", ruleId).update();
    }

    /** A page, for {@link JdbcAlertReadModel}. */
    Page<Alert> page(ListQuery<AlertListFilter> query) {
        return BY_ID_SQL.page(jdbc, where(query.filter()), query.page());
    }

    long count(AlertListFilter filter) {
        return BY_ID_SQL.count(jdbc, where(filter));
    }

    private static SqlConditions where(AlertListFilter filter) {
        return new SqlConditions().equal("a.rule_id", "ruleId", filter.ruleId());
    }

    private static String json(Object tree) {
        return JsonColumns.text(JsonDocument.of(tree));
    }

    @SuppressWarnings("unchecked")
    static Alert map(ResultSet rs) throws SQLException {
        Map<String, Object> scope = (Map<String, Object>) JsonColumns.document(rs, "scope").tree();
        JsonDocument figures = JsonColumns.document(rs, "figures");
        AlertKind kind = AlertKind.valueOf(rs.getString("kind"));
        AlertSubject subject = new AlertSubject(AlertKind.SubjectKind.valueOf(rs.getString("subject_kind")),
                rs.getString("bot_id"), rs.getString("session_id"), rs.getString("game_name"),
                rs.getString("platform_code"));
        return new Alert(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("rule_name"), kind,
                new AlertScope((List<String>) scope.get("botIds"), (List<String>) scope.get("strategyNames"),
                        (List<String>) scope.get("gameNames"), (List<String>) scope.get("platformCodes")),
                subject, rs.getString("message"), (Map<String, Object>) figures.tree(),
                SqlValues.instant(rs, "raised_at"));
    }
}
