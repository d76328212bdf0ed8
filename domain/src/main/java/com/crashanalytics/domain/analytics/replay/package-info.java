/**
 * Strategy replay: a betting system's staking rule (fixed target, martingale with a cap, Paroli, D'Alembert) played
 * over a game and platform's recorded crash points, next to what the live bots filed under a strategy achieved.
 */
@NullMarked
package com.crashanalytics.domain.analytics.replay;

import org.jspecify.annotations.NullMarked;
