package com.crashanalytics.benchmarks.report;

/** Where a figure stands against its target: met, missed, or no target (a figure to know). */
public enum Verdict {
    MET, MISSED, INFO;

    public static Verdict of(boolean met) {
        return met ? MET : MISSED;
    }
}
