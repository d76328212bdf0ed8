package com.crashanalytics.domain.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outbound port: the alert rules. */
public interface AlertRuleBook {

    AlertRule add(AlertRuleDefinition definition, Instant now);

    /** A rule, locked until the transaction ends (what an update replaces); empty when there is no such rule. */
    Optional<AlertRule> findForUpdate(long id);

    /** Replaces a rule's definition; empty when there is no such rule. */
    Optional<AlertRule> replace(long id, AlertRuleDefinition definition, Instant now);

    /** Deletes a rule (its open episodes with it; its alerts stay); empty when there was none. */
    Optional<AlertRule> delete(long id);

    /** Whether another rule than {@code exceptId} has this name. */
    boolean nameTaken(String name, long exceptId);

    /** The enabled rules, oldest first. */
    List<AlertRule> enabledRules();
}
