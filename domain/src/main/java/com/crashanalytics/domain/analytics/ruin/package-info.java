/**
 * Risk of ruin: from a bot's balance and its staking rule as observed in its rounds, the chance of going bust within
 * a number of rounds on the exact crash law (a cash-out at x wins with probability RTP / x), exactly where the rule
 * keeps one stake and by a seeded simulation of bounded cost otherwise, and the rounds to bust at the median.
 */
@NullMarked
package com.crashanalytics.domain.analytics.ruin;

import org.jspecify.annotations.NullMarked;
