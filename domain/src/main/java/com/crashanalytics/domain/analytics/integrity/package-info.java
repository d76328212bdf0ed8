/**
 * Platform integrity: a sequential test (CUSUM) of a game and platform's crash points against the provably fair law
 * P(crash ≥ x) = RTP / x that flags the day the payout distribution shifts, and the agreement between bots that
 * watched the same game round as a signal of OCR quality.
 */
@NullMarked
package com.crashanalytics.domain.analytics.integrity;

import org.jspecify.annotations.NullMarked;
