package com.crashanalytics.domain.alert;

import java.time.Clock;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.NotFoundException;
import com.crashanalytics.domain.audit.AuditedEntity;
import com.crashanalytics.domain.audit.Auditor;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.common.Violations;

/**
 * Creates, replaces and deletes alert rules, each in one transaction, after checking what the definition cannot.
 * Every change goes into the audit trail.
 */
public final class AlertRuleService implements ManageAlertRulesUseCase {

    private final AlertRuleBook rules;
    private final AlertLog log;
    private final AlertChannels channels;
    private final Transactions transactions;
    private final Clock clock;
    private final Auditor auditor;

    public AlertRuleService(AlertRuleBook rules, AlertLog log, AlertChannels channels, Transactions transactions,
                            Clock clock, Auditor auditor) {
        this.rules = rules;
        this.log = log;
        this.channels = channels;
        this.transactions = transactions;
        this.clock = clock;
        this.auditor = auditor;
    }

    @Override
    public AlertRule create(AlertRuleDefinition definition) {
        checkChannels(definition);
        return transactions.inTransaction(() -> {
            checkNameFree(definition, 0);
            AlertRule created = rules.add(definition, clock.instant());
            auditor.created(AuditedEntity.ALERT_RULE, Long.toString(created.id()), created);
            return created;
        });
    }

    @Override
    public AlertRule update(String id, AlertRuleDefinition definition) {
        long ruleId = parseId("id", id);
        checkChannels(definition);
        return transactions.inTransaction(() -> {
            checkNameFree(definition, ruleId);
            AlertRule before = rules.findForUpdate(ruleId)
                    .orElseThrow(() -> new NotFoundException("id", "no alert rule has the id " + id));
            AlertRule updated = rules.replace(ruleId, definition, clock.instant())
                    .orElseThrow(() -> new NotFoundException("id", "no alert rule has the id " + id));
            log.forgetEpisodes(ruleId);
            auditor.updated(AuditedEntity.ALERT_RULE, Long.toString(ruleId), before, updated);
            return updated;
        });
    }

    @Override
    public AlertRule delete(String id) {
        long ruleId = parseId("id", id);
        return transactions.inTransaction(() -> {
            AlertRule deleted = rules.delete(ruleId)
                    .orElseThrow(() -> new NotFoundException("id", "no alert rule has the id " + id));
            auditor.deleted(AuditedEntity.ALERT_RULE, Long.toString(ruleId), deleted);
            return deleted;
        });
    }

    /** A rule id as the API shows it (a decimal number), or a violation of {@code field}. */
    public static long parseId(String field, String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw InvalidInputException.of(field, "VALID_ID", "is not an id this list answers (got '" + id + "')");
    }

    /** Channels are named in the definition but configured in the environment: a typo must not silence a rule. */
    private void checkChannels(AlertRuleDefinition definition) {
        Violations violations = new Violations();
        for (int i = 0; i < definition.channels().size(); i++) {
            String name = definition.channels().get(i);
            violations.check(channels.isConfigured(name), "channels[" + i + "]",
                    "CONFIGURED_CHANNEL", "no channel '" + name + "' is configured (configured: "
                            + channels.configured().stream().map(AlertChannels.Channel::name).toList()
                            + "); set GATEWAY_ALERTS_CHANNELS_" + name.toUpperCase().replace('-', '_') + "_KIND and its URL");
        }
        violations.throwIfAny();
    }

    private void checkNameFree(AlertRuleDefinition definition, long exceptId) {
        if (rules.nameTaken(definition.name(), exceptId)) {
            throw new ConflictException("name", "another alert rule is named '" + definition.name() + "'");
        }
    }
}
