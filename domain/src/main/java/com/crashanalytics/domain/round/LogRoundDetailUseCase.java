package com.crashanalytics.domain.round;

/**
 * Inbound port: what bots send about a round separately from it, as the seed's logging calls did: a multiplier
 * sample (after the round is logged) or a signal (before or after).
 */
public interface LogRoundDetailUseCase {

    LoggedSample logMultiplier(LogMultiplierCommand command);

    LoggedSignal logSignal(LogSignalCommand command);

    /** @param duplicate the same sample was already stored: nothing was written */
    record LoggedSample(MultiplierSample sample, boolean duplicate) {
    }

    /** @param duplicate the same signal was already stored: nothing was written */
    record LoggedSignal(Signal signal, boolean duplicate) {
    }
}
