package com.crashanalytics.domain.analytics.timeseries;

/** What a time series is split by: each value is one series (one line of a Grafana panel). */
public enum TimeSeriesGroup {
    /** One series for every round in scope, named {@value TimeSeriesGroup#FLEET_SERIES}. */
    FLEET,
    /** One series per bot, named by the bot id. */
    BOT,
    /** One series per strategy, named by the strategy; rounds without one in {@value TimeSeriesGroup#NO_STRATEGY}. */
    STRATEGY,
    /** One series per game and platform, named {@code game@platform}. */
    GAME_PLATFORM;

    /** The series name of FLEET. */
    public static final String FLEET_SERIES = "fleet";
    /** The series of rounds logged without a strategy, under STRATEGY. */
    public static final String NO_STRATEGY = "(none)";
}
