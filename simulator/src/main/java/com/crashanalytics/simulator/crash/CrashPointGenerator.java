package com.crashanalytics.simulator.crash;

/** A source of crash points, one per round, in order. Not thread-safe: one generator per game table. */
public interface CrashPointGenerator {

    /** The next round's crash point. */
    CrashPoint next();

    /** The law the crash points follow, for the theoretical side of every comparison. */
    CrashDistribution distribution();
}
