package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Takes a live strategy's rounds one at a time, in the order they were played ({@code round_start_timestamp}, ties by
 * id), so the read model can stream them without holding them all.
 */
@FunctionalInterface
public interface LiveRoundSink {

    /** The next round: its start, who played it, what it did to the money and the balance reported after it. */
    void accept(Instant startedAt, String botId, String sessionId, BigDecimal profitLoss,
                @Nullable BigDecimal balanceAfter);
}
