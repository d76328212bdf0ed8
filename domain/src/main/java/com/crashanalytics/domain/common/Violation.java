package com.crashanalytics.domain.common;

/**
 * One broken input rule.
 *
 * @param field   the path of the offending field relative to the command, e.g. {@code baseStake} or
 *                {@code rounds[3].stakeValue}; adapters prefix it with where the command came from
 * @param rule    a stable machine-readable rule code, e.g. {@code NON_NEGATIVE}
 * @param message a sentence for humans that says what the rule is
 */
public record Violation(String field, String rule, String message) {

    /** The same violation reported under a parent path, e.g. {@code rounds[3]} + {@code stakeValue}. */
    public Violation under(String parentPath) {
        return new Violation(parentPath + "." + field, rule, message);
    }
}
