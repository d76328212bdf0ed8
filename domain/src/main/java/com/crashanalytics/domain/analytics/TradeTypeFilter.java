package com.crashanalytics.domain.analytics;

import com.crashanalytics.domain.bot.TradeType;
import org.jspecify.annotations.Nullable;

/**
 * Which money an aggregate over several bots adds up: live money only (what a user asking for figures means, so
 * paper money never mixes into real figures unless asked), paper money only, or both.
 */
public enum TradeTypeFilter {
    /** Only LIVE bots' rounds. */
    LIVE(TradeType.LIVE),
    /** Only PAPER bots' rounds. */
    PAPER(TradeType.PAPER),
    /** Every bot's rounds, paper and live added together. */
    ANY(null);

    /** What an analytics query that is not told otherwise counts. */
    public static final TradeTypeFilter DEFAULT = LIVE;

    private final @Nullable TradeType only;

    TradeTypeFilter(@Nullable TradeType only) {
        this.only = only;
    }

    /** The one trade type counted; null when both are. */
    public @Nullable TradeType only() {
        return only;
    }

    /** The filter asked for, {@link #DEFAULT} when none was. */
    public static TradeTypeFilter orDefault(@Nullable TradeTypeFilter requested) {
        return requested == null ? DEFAULT : requested;
    }
}
