/**
 * How well ML signals predicted whether rounds reach their target: classification figures, Brier score and
 * calibration, next to the base-rate forecaster.
 */
@NullMarked
package com.crashanalytics.domain.analytics.signals;

import org.jspecify.annotations.NullMarked;
