package com.crashanalytics.simulator.gateway;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code resume} answered: where a restarted bot left off, as the gateway holds it.
 *
 * @param openSessionId    the session to carry on, null when none is open
 * @param lastRoundNumber  the highest round number held for the bot's last session
 * @param nextRoundNumber  the number the open session's next round takes
 * @param balance          the balance the gateway tracked
 * @param lastRoundNumbers the numbers of the last rounds held, lowest first
 */
public record ResumePoint(@Nullable String openSessionId, @Nullable Integer lastRoundNumber,
                          @Nullable Integer nextRoundNumber, @Nullable BigDecimal balance,
                          List<Integer> lastRoundNumbers) {

    public ResumePoint {
        lastRoundNumbers = List.copyOf(lastRoundNumbers);
    }
}
