package com.crashanalytics.persistence.config;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches on whether a setting holds a value: unset and blank (an environment variable set to nothing) are the same.
 * Boot's {@code @ConditionalOnProperty} would take a blank value for a set one.
 */
abstract class PropertyPresence extends SpringBootCondition {

    private final String property;
    private final boolean matchesWhenSet;

    PropertyPresence(String property, boolean matchesWhenSet) {
        this.property = property;
        this.matchesWhenSet = matchesWhenSet;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String value = context.getEnvironment().getProperty(property);
        boolean set = value != null && !value.isBlank();
        String outcome = property + (set ? " is set" : " is not set");
        return set == matchesWhenSet ? ConditionOutcome.match(outcome) : ConditionOutcome.noMatch(outcome);
    }
}
