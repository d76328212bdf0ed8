package com.crashanalytics.simulator.gateway;

import org.jspecify.annotations.Nullable;

/**
 * One error the gateway answered with.
 *
 * @param classification {@code extensions.classification}, e.g. BAD_REQUEST, NOT_FOUND, CONFLICT
 * @param field          {@code extensions.field}: the offending input field, e.g. {@code input.maxStake}
 * @param rule           {@code extensions.rule}: the rule it broke, e.g. {@code MAX_STAKE_AT_LEAST_BASE_STAKE}
 */
public record GraphQlError(String message, @Nullable String classification, @Nullable String field, @Nullable String rule) {
}
