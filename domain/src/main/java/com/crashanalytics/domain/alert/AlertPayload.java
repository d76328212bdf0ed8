package com.crashanalytics.domain.alert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.live.LiveEventKind;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of an alert, as journaled ({@code ALERT_RAISED} in the live events, which the {@code alertRaised}
 * subscription reads) and as POSTed to a generic webhook. Keys sorted; absent subject parts are left out:
 * <pre>{@code
 * {"alertId": 12, "figures": {"drawdown": 140, "drawdownPercent": 14, ...}, "kind": "DRAWDOWN",
 *  "message": "Drawdown 140 (14% of the peak 1000) in session s1 of bot b1 (aviator on dafabet) reached 100",
 *  "raisedAt": "2026-12-04T05:30:00Z", "ruleId": 3, "ruleName": "drawdown over 100",
 *  "scope": {"botIds": [], "gameNames": ["aviator"], "platformCodes": [], "strategyNames": []},
 *  "subject": {"botId": "b1", "gameName": "aviator", "key": "session:s1", "kind": "SESSION",
 *              "platformCode": "dafabet", "sessionId": "s1"}}
 * }</pre>
 */
public final class AlertPayload {

    /** The kind of the live event that carries an alert. */
    public static final String EVENT_KIND = LiveEventKind.ALERT_RAISED.name();

    private AlertPayload() {
    }

    public static String json(Alert alert) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("kind", alert.subject().kind().name());
        subject.put("key", alert.subject().key());
        putIfPresent(subject, "botId", alert.subject().botId());
        putIfPresent(subject, "sessionId", alert.subject().sessionId());
        putIfPresent(subject, "gameName", alert.subject().gameName());
        putIfPresent(subject, "platformCode", alert.subject().platformCode());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("alertId", alert.id());
        payload.put("ruleId", alert.ruleId());
        payload.put("ruleName", alert.ruleName());
        payload.put("kind", alert.kind().name());
        payload.put("scope", scope(alert.scope()));
        payload.put("subject", subject);
        payload.put("message", alert.message());
        payload.put("figures", alert.figures());
        payload.put("raisedAt", alert.raisedAt().toString());
        return Objects.requireNonNull(JsonDocument.of(payload)).json();
    }

    /** A scope as JSON: its four lists. */
    public static Map<String, Object> scope(AlertScope scope) {
        return Map.of("botIds", scope.botIds(), "strategyNames", scope.strategyNames(),
                "gameNames", scope.gameNames(), "platformCodes", scope.platformCodes());
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
