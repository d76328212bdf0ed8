package com.crashanalytics.benchmarks.report;

/**
 * One phase of a run: how long it took, the load average around it, and the gateway's highest resident memory
 * sampled during it (VmRSS every 100 ms).
 */
public record PhaseLog(String phase, double seconds, String loadBefore, String loadAfter, long gatewayPeakRssMb) {
}
