package com.crashanalytics.api.prediction;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.predictions.*}. Defaults in application.yaml.
 *
 * @param confidenceThreshold predictionPerformance's default confidenceThreshold: its betting figures act on
 *                            predictions at least this confident (seed 002's PREDICTION_CONFIDENCE_THRESHOLD)
 * @param expiryGrace         how long after its deadline a prediction no round has decided stays PENDING before the
 *                            expiry judges it: room for rounds played before the deadline but logged late
 */
@ConfigurationProperties("gateway.predictions")
record PredictionSettings(double confidenceThreshold, Duration expiryGrace) {
}
