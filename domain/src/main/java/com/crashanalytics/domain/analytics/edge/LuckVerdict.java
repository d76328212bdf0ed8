package com.crashanalytics.domain.analytics.edge;

/** The answer of the luck-or-edge test at the 5% level (two-sided). */
public enum LuckVerdict {
    /** Returned more per unit than the house edge allows, beyond what luck explains (p &lt; 0.05). */
    BEATS_THE_HOUSE_EDGE,
    /** Returned less per unit than the house edge takes, beyond what luck explains (p &lt; 0.05). */
    WORSE_THAN_THE_HOUSE_EDGE,
    /** What it returned is within luck of the house edge (p ≥ 0.05): no evidence of an edge either way. */
    INDISTINGUISHABLE_FROM_LUCK,
    /** Fewer than two bets, or every bet returned the same: no spread, so no test. */
    TOO_FEW_BETS
}
