package com.crashanalytics.persistence.config;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
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
        boolean set = isSet(context.getEnvironment(), property);
        String outcome = property + (set ? " is set" : " is not set");
        return set == matchesWhenSet ? ConditionOutcome.match(outcome) : ConditionOutcome.noMatch(outcome);
    }

    /** Whether {@code property} holds a value: neither unset nor blank. */
    static boolean isSet(Environment environment, String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isBlank();
    }
}
