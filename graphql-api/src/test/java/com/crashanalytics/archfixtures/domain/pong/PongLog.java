package com.crashanalytics.archfixtures.domain.pong;

/** Fixture: a write-side outbound port, the kind only use cases may call. */
public interface PongLog {

    void write(Pong pong);
}
