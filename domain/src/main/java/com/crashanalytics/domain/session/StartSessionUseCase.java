package com.crashanalytics.domain.session;

/** Inbound port: a bot starts a session (repeating the same start returns the same session). */
public interface StartSessionUseCase {

    SessionResult start(StartSessionCommand command);
}
