package com.crashanalytics.simulator.crash;

import java.math.BigDecimal;

/**
 * Where one round crashed.
 *
 * @param nonce      the round's position in its generator's sequence (the provably fair nonce)
 * @param multiplier the crash multiplier as the game displays it: truncated to 2 decimals, at least 1.00
 * @param instant    the round crashed the moment it started (the house-edge share, {@code 1 − RTP} of rounds);
 *                   such rounds show 1.00x, as do the rounds that flew but crashed below 1.01x
 */
public record CrashPoint(long nonce, BigDecimal multiplier, boolean instant) {
}
