package com.crashanalytics.persistence.config;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no external database is configured ({@code spring.datasource.url} / SPRING_DATASOURCE_URL unset). */
class DatabaseNotConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        return url == null || url.isBlank()
                ? ConditionOutcome.match("spring.datasource.url is not set")
                : ConditionOutcome.noMatch("spring.datasource.url is set");
    }
}
