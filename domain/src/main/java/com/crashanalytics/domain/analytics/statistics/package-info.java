/**
 * Numerical building blocks of the analytics: special functions for p-values and the percentile that PostgreSQL's
 * {@code percentile_cont} computes. Pure functions, no domain vocabulary.
 */
@NullMarked
package com.crashanalytics.domain.analytics.statistics;

import org.jspecify.annotations.NullMarked;
