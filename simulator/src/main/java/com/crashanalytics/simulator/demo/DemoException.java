package com.crashanalytics.simulator.demo;

/** The demo cannot go on, for a reason the message explains (with what to do about it). */
public final class DemoException extends RuntimeException {

    public DemoException(String message) {
        super(message);
    }
}
