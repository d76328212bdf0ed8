package com.crashanalytics.domain.alert;

/** Where a delivery of an alert to a channel stands. */
public enum DeliveryStatus {
    /** Not delivered yet: waiting for its first attempt or for its next retry. */
    PENDING,
    /** Delivered: the channel answered 2xx. Never sent again. */
    SENT,
    /** Given up after the last allowed attempt. */
    FAILED
}
