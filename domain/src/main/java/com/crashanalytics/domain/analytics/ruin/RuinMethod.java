package com.crashanalytics.domain.analytics.ruin;

/** How a {@link RiskOfRuin} was worked out. */
public enum RuinMethod {
    /** Exactly, on the binomial walk of a rule that keeps one stake (only the double arithmetic rounds). */
    EXACT,
    /** By a seeded simulation of the rule on the crash law: the same seed gives the same answer. */
    SIMULATION
}
