package com.crashanalytics.domain.analytics.performance;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Outbound port: the rollups the drawdowns and longest runs are folded from (equity segments per bot or strategy and
 * hour, win/loss runs per bot or strategy and session) that a round logged out of order left "dirty". A fold cannot
 * take a round back in, so a reader folds a dirty hour's or session's rounds itself, on every read, until it is
 * recounted. A subject's writes recount its dirty hours when it logs again hours later; a strategy whose bots logged
 * at the same moment and then stopped (or a bot that retried and went quiet) leaves its dirty ones behind for good.
 */
public interface DirtyRollups {

    /**
     * Up to {@code limit} dirty rollups whose rounds all started before {@code settledBefore} (an hour that ended by
     * then; a session whose last round started before then), oldest first.
     */
    List<DirtyRollup> settledBefore(Instant settledBefore, int limit);

    /**
     * Recounts one from its rounds in the transaction under way; its row stays locked until that transaction ends,
     * so a round logged meanwhile waits and then folds onto the recount (or leaves it dirty again, if it is late).
     */
    void recount(DirtyRollup rollup);

    /** Which rollup a dirty row belongs to: per bot or per strategy, per hour or per session. */
    enum Rollup {
        BOT_EQUITY_HOUR, BOT_SESSION_RUNS, STRATEGY_EQUITY_HOUR, STRATEGY_SESSION_RUNS
    }

    /**
     * A dirty row: of the {@code rollup} of {@code subject} (a bot's id or a strategy's name), for the hour starting at
     * {@code hour} or the session {@code sessionId} (whichever the rollup is kept by; the other is null).
     */
    record DirtyRollup(Rollup rollup, String subject, @Nullable Instant hour, @Nullable String sessionId) {

        public static DirtyRollup hour(Rollup rollup, String subject, Instant hour) {
            return new DirtyRollup(rollup, subject, hour, null);
        }

        public static DirtyRollup session(Rollup rollup, String subject, String sessionId) {
            return new DirtyRollup(rollup, subject, null, sessionId);
        }
    }
}
