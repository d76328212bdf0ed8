/**
 * Crash multipliers against the provably fair distribution a game's house edge promises ({@link
 * com.crashanalytics.domain.analytics.multipliers.CrashPointDistribution}): the histogram, survival, percentiles,
 * goodness of fit, and the gaps between big multipliers.
 */
@NullMarked
package com.crashanalytics.domain.analytics.multipliers;

import org.jspecify.annotations.NullMarked;
