/**
 * Sessions: a bot's run of rounds on one game and platform, from startSession to endSession, with the running
 * totals the gateway keeps as rounds arrive (balance, peak, drawdown, counts, streaks) and the heartbeats that
 * tell a live session from a stale one.
 */
@NullMarked
package com.crashanalytics.domain.session;

import org.jspecify.annotations.NullMarked;
