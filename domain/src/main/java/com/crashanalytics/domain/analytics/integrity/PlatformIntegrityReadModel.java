package com.crashanalytics.domain.analytics.integrity;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;

/** What the platform integrity checks read where the game rounds are (outbound port of the read path). */
public interface PlatformIntegrityReadModel {

    /**
     * Per UTC day with game rounds in the window, in date order: the game rounds (one per game round however many bots
     * watched it) and those that crashed at or above {@code target}.
     */
    List<DayTally> dayTallies(String game, String platform, BigDecimal target, TimeWindow window);

    /**
     * The agreement of the readings of game rounds that started in the window with at least two observations: how
     * many, how many within {@code tolerance}, and the {@code largest} disagreements beyond it.
     */
    OcrAgreement ocrAgreement(String game, String platform, TimeWindow window, BigDecimal tolerance, int largest);
}
