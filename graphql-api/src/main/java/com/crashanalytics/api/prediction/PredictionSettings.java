package com.crashanalytics.api.prediction;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.predictions.*}. Defaults in application.yaml.
 *
 * @param confidenceThreshold predictionPerformance's default confidenceThreshold: its betting figures act on
 *                            predictions at least this confident (seed 002's PREDICTION_CONFIDENCE_THRESHOLD)
 */
@ConfigurationProperties("gateway.predictions")
record PredictionSettings(double confidenceThreshold) {
}
