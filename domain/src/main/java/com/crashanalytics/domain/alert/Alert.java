package com.crashanalytics.domain.alert;

import java.time.Instant;
import java.util.Map;

/** An alert as raised: once per condition episode of a rule, unless the rule's cool-down held it back. */
public record Alert(long id, long ruleId, String ruleName, AlertKind kind, AlertScope scope,
                    AlertSubject subject, String message, Map<String, Object> figures, Instant raisedAt) {

    public Alert {
        figures = Map.copyOf(figures);
    }

    /** An alert about to be stored: everything but the id. */
    public record Draft(long ruleId, String ruleName, AlertKind kind, AlertScope scope, AlertSubject subject, String message,
                        Map<String, Object> figures, Instant raisedAt) {
    }
}
