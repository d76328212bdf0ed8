package com.crashanalytics.simulator.gateway;

/** What logRounds answered: rounds written now, and rounds that were already stored exactly so. */
public record BatchLogged(int written, int duplicates) {
}
