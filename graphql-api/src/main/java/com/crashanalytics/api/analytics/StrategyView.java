package com.crashanalytics.api.analytics;

import com.crashanalytics.domain.analytics.performance.PerformanceScope;

/**
 * The {@code Strategy} type: a name, and the scope it was listed in, which its {@code performance} defaults to.
 */
record StrategyView(String name, PerformanceScope scope) {
}
