package com.crashanalytics.domain.alert;

/** Inbound port: one round of alert delivery (the scheduler calls it on each replica). */
public interface DeliverAlertsUseCase {

    /** Attempts the deliveries that are due, at most {@code max} of them; returns how many were attempted. */
    int deliverDue(int max);
}
