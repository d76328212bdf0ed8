/**
 * Crash points: the law provably fair crash games draw them from ({@code P(crash ≥ x) = RTP / x}), a provably fair
 * generator (HMAC-SHA256 of server seed, client seed and nonce) and a plain seeded one.
 */
@NullMarked
package com.crashanalytics.simulator.crash;

import org.jspecify.annotations.NullMarked;
