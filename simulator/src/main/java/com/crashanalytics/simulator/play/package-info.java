/**
 * Simulated bots playing sessions: each round's bet, crash, payout and balance, the multiplier samples, OCR read,
 * model signal and errors a real bot would log. Plain records, deliberately independent of the gateway's input
 * shapes; mapping them to GraphQL mutations is a thin layer elsewhere.
 */
@NullMarked
package com.crashanalytics.simulator.play;

import org.jspecify.annotations.NullMarked;
