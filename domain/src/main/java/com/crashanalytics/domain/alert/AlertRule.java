package com.crashanalytics.domain.alert;

import java.time.Instant;

/**
 * A stored rule. {@code updatedAt} is also where the rule starts looking: a rule never alerts about signals or
 * busts that happened before it was defined as it is.
 */
public record AlertRule(long id, AlertRuleDefinition definition, Instant createdAt, Instant updatedAt) {
}
