package com.crashanalytics.domain.analytics.signals;

import java.util.List;

/** Inbound port: does a bot's model know anything? Each signal type's hit rate, calibration and Brier score. */
public interface GetSignalEffectivenessUseCase {

    /** One entry per signal type with judged signals, by type name. */
    List<SignalEffectiveness> effectiveness(SignalEffectivenessQuery query);
}
