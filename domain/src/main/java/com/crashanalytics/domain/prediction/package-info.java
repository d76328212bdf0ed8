/**
 * Predictions: what a model says about a game's coming rounds on one platform ("a ≥ 10x round within the next 15
 * rounds, confidence 0.8"), judged by the gateway from the crash points bots log, and scored against the crash law.
 */
@NullMarked
package com.crashanalytics.domain.prediction;

import org.jspecify.annotations.NullMarked;
