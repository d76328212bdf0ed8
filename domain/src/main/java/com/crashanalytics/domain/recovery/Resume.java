package com.crashanalytics.domain.recovery;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.session.Session;
import org.jspecify.annotations.Nullable;

/**
 * Where a bot left off, for it to carry on after a restart.
 *
 * @param lastSession the session it started most recently, whatever became of it (null before its first)
 * @param lastRounds  that session's rounds with the highest numbers, lowest number first
 */
public record Resume(Bot bot, @Nullable Session lastSession, List<Round> lastRounds) {

    /** The session to carry on: the last one, if still ACTIVE. Otherwise the bot starts a new session. */
    public @Nullable Session openSession() {
        return lastSession != null && lastSession.isActive() ? lastSession : null;
    }

    /** The highest round number the gateway holds for the last session (null when it holds none). */
    public @Nullable Integer lastRoundNumber() {
        return lastSession == null ? null : lastSession.totals().lastRoundNumber();
    }

    /** The number the next round of the open session takes; null when no session is open. */
    public @Nullable Integer nextRoundNumber() {
        if (openSession() == null) {
            return null;
        }
        Integer last = lastRoundNumber();
        return last == null ? 1 : last + 1;
    }

    /**
     * The balance the gateway tracked from the last session's rounds: the open session's current balance, or what the
     * ended session finished with (the bot's next session starts from it). Null before the first session.
     */
    public @Nullable BigDecimal balance() {
        if (lastSession == null) {
            return null;
        }
        return lastSession.isActive() || lastSession.finalBalance() == null
                ? lastSession.totals().currentBalance() : lastSession.finalBalance();
    }
}
