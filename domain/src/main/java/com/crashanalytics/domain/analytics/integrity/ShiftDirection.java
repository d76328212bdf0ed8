package com.crashanalytics.domain.analytics.integrity;

/** Which way a platform's payout moved when the CUSUM flagged it. */
public enum ShiftDirection {
    /** Fewer rounds reached the target than RTP / x: the platform pays less than its house edge says. */
    PAYOUT_FELL,
    /** More rounds reached the target than RTP / x: the platform pays more (or the readings run high). */
    PAYOUT_ROSE
}
