/**
 * Luck or edge: whether what a bot or strategy returned per unit staked can be told apart from the house edge
 * (expected return RTP − 1 per unit, whatever the cash-out target), with the test, its p-value, a confidence interval
 * and the rounds it would take to tell.
 */
@NullMarked
package com.crashanalytics.domain.analytics.edge;

import org.jspecify.annotations.NullMarked;
