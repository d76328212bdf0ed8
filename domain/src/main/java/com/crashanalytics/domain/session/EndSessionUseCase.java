package com.crashanalytics.domain.session;

/** Inbound port: a bot ends its session; afterwards the session accepts no more rounds. */
public interface EndSessionUseCase {

    SessionResult end(EndSessionCommand command);
}
