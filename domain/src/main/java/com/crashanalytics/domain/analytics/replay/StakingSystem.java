package com.crashanalytics.domain.analytics.replay;

/** The betting systems a replay can play; each takes the parameters its {@link StakingRule} names. */
public enum StakingSystem {
    /** {@link FixedTargetStaking}: base stake every round. */
    FIXED_TARGET,
    /** {@link MartingaleStaking}: stake × factor after a loss, up to maxSteps escalations. */
    MARTINGALE,
    /** {@link ParoliStaking}: double after a win, bank after winsToBank wins. */
    PAROLI,
    /** {@link DAlembertStaking}: one unit more after a loss, one less after a win. */
    DALEMBERT
}
