package com.crashanalytics.api.alert;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.alert.AlertKind;
import com.crashanalytics.domain.alert.AlertRuleDefinition;
import org.jspecify.annotations.Nullable;

/** The GraphQL inputs of the alert-rule mutations, as bound from the request. */
final class AlertRuleInputs {

    private AlertRuleInputs() {
    }

    /** {@code AlertScopeInput}. */
    record ScopeInput(@Nullable List<String> botIds, @Nullable List<String> strategyNames,
                      @Nullable List<String> gameNames, @Nullable List<String> platformCodes) {
    }

    /** {@code CreateAlertRuleInput}. */
    record CreateInput(@Nullable String name, @Nullable AlertKind kind, @Nullable ScopeInput scope,
                       @Nullable BigDecimal amount, @Nullable BigDecimal percent, @Nullable Integer count,
                       @Nullable Integer staleAfterSeconds, @Nullable BigDecimal multiplier,
                       @Nullable Double confidence, @Nullable Double pValue, @Nullable Integer sampleSize,
                       @Nullable List<String> channels, @Nullable Integer cooldownSeconds, @Nullable Boolean enabled) {

        AlertRuleDefinition toDefinition() {
            return definition(name, kind, scope, amount, percent, count, staleAfterSeconds, multiplier, confidence,
                    pValue, sampleSize, channels, cooldownSeconds, enabled);
        }
    }

    /** {@code UpdateAlertRuleInput}: the rule's id and its whole new definition. */
    record UpdateInput(String id, @Nullable String name, @Nullable AlertKind kind, @Nullable ScopeInput scope,
                       @Nullable BigDecimal amount, @Nullable BigDecimal percent, @Nullable Integer count,
                       @Nullable Integer staleAfterSeconds, @Nullable BigDecimal multiplier,
                       @Nullable Double confidence, @Nullable Double pValue, @Nullable Integer sampleSize,
                       @Nullable List<String> channels, @Nullable Integer cooldownSeconds, @Nullable Boolean enabled) {

        AlertRuleDefinition toDefinition() {
            return definition(name, kind, scope, amount, percent, count, staleAfterSeconds, multiplier, confidence,
                    pValue, sampleSize, channels, cooldownSeconds, enabled);
        }
    }

    /** {@code DeleteAlertRuleInput}. */
    record DeleteInput(String id) {
    }

    private static AlertRuleDefinition definition(@Nullable String name, @Nullable AlertKind kind,
                                                  @Nullable ScopeInput scope, @Nullable BigDecimal amount,
                                                  @Nullable BigDecimal percent, @Nullable Integer count,
                                                  @Nullable Integer staleAfterSeconds, @Nullable BigDecimal multiplier,
                                                  @Nullable Double confidence, @Nullable Double pValue,
                                                  @Nullable Integer sampleSize, @Nullable List<String> channels,
                                                  @Nullable Integer cooldownSeconds, @Nullable Boolean enabled) {
        ScopeInput given = scope == null ? new ScopeInput(null, null, null, null) : scope;
        return AlertRuleDefinition.of(name, kind, given.botIds(), given.strategyNames(), given.gameNames(),
                given.platformCodes(), amount, percent, count, staleAfterSeconds, multiplier, confidence, pValue,
                sampleSize, channels, cooldownSeconds, enabled);
    }
}
