/**
 * Rounds: what a bot bet (or skipped) in one round of a crash game, what the multiplier did, and what it cost or
 * earned, with the multiplier samples, signals and OCR reads observed during the round.
 */
@NullMarked
package com.crashanalytics.domain.round;

import org.jspecify.annotations.NullMarked;
