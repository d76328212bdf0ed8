package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import com.crashanalytics.domain.analytics.performance.Drawdown;
import com.crashanalytics.domain.analytics.performance.DrawdownWalk;
import com.crashanalytics.domain.analytics.performance.ImpliedCapital;
import org.jspecify.annotations.Nullable;

/**
 * The live side of a replay gathered in one walk over the strategy's rounds in the order they were played: the
 * portfolio's max drawdown (the equity curve's {@link DrawdownWalk}, standing on the capital the bots' first reported
 * balances imply, {@link ImpliedCapital}, as {@code Strategy.performance} gives it) and who played ({@link LiveBots}).
 * The order-independent totals are not walked: the hourly rollup has them.
 */
public final class LivePortfolio implements LiveRoundSink {

    private final BigDecimal bustBelow;
    private final DrawdownWalk curve = new DrawdownWalk();
    private final ImpliedCapital capital = new ImpliedCapital();
    private final Set<String> bots = new HashSet<>();
    private final Set<String> sessions = new HashSet<>();
    private final Set<String> bustSessions = new HashSet<>();

    /** A portfolio whose sessions count as bust after a round leaves their balance below {@code bustBelow}. */
    public LivePortfolio(BigDecimal bustBelow) {
        this.bustBelow = bustBelow;
    }

    @Override
    public void accept(Instant startedAt, String botId, String sessionId, BigDecimal profitLoss,
                       @Nullable BigDecimal balanceAfter) {
        curve.add(startedAt, profitLoss);
        capital.add(botId, profitLoss, balanceAfter);
        bots.add(botId);
        sessions.add(sessionId);
        if (balanceAfter != null && balanceAfter.compareTo(bustBelow) < 0) {
            bustSessions.add(sessionId);
        }
    }

    /** The bots and sessions walked, and the sessions among them that went bust. */
    public LiveBots players() {
        return new LiveBots(bots.size(), sessions.size(), bustSessions.size());
    }

    /** The implied starting capital; null when no round was walked or a bot reported no balance. */
    public @Nullable BigDecimal startingCapital() {
        return capital.total();
    }

    /** The largest fall of the portfolio's equity curve, in percent of its peak when the capital is known. */
    public Drawdown maxDrawdown() {
        return curve.maxDrawdown(capital.total());
    }
}
