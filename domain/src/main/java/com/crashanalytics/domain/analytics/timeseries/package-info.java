/**
 * Fleet-wide time series for dashboards such as Grafana: rounds, P/L, cumulative P/L, crash multipliers and rounds
 * per minute per UTC bucket, one series per fleet, bot, strategy or game and platform. Flat rows, a bounded number of
 * them, so a plotting tool can draw them as they come.
 */
@NullMarked
package com.crashanalytics.domain.analytics.timeseries;

import org.jspecify.annotations.NullMarked;
