package com.crashanalytics.domain.analytics.edge;

import java.math.BigDecimal;

/**
 * The bets placed on one game and platform, as sums that add up across hours: {@code bets} rounds with a stake,
 * Σ r and Σ r² of their returns per unit staked r = P/L ÷ stake, and the platform's return to player (1 − house edge).
 */
public record PlatformBetSums(String game, String platform, long bets, BigDecimal sumOfReturns,
                              BigDecimal sumOfSquaredReturns, BigDecimal returnToPlayer) {
}
