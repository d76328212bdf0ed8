package com.crashanalytics.simulator.play;

/** Why a simulated session ended. */
public enum SessionEnd {
    /** Every planned round was played. */
    COMPLETED,
    /** The balance could no longer cover the minimum stake. */
    BUST
}
