package com.crashanalytics.domain.alert;

/** Inbound port: administrators create, replace and delete alert rules. */
public interface ManageAlertRulesUseCase {

    AlertRule create(AlertRuleDefinition definition);

    /** Replaces the definition of the rule {@code id}; the rule re-arms (its open episodes are forgotten). */
    AlertRule update(String id, AlertRuleDefinition definition);

    AlertRule delete(String id);
}
