package com.crashanalytics.domain.prediction;

/** Inbound port: a model logs a prediction about a game. */
public interface LogPredictionUseCase {

    /**
     * Stores the prediction and judges it at once against the game's rounds already logged after it; a retry with the
     * same model and prediction id and the same content answers the stored one, with other content it is a conflict.
     */
    LoggedPrediction logPrediction(LogPredictionCommand command);

    /** The prediction as stored, and whether the request was a retry that wrote nothing. */
    record LoggedPrediction(Prediction prediction, boolean duplicate) {
    }
}
