package com.crashanalytics.domain.analytics.performance;

import java.util.HashMap;
import java.util.Map;

import com.crashanalytics.domain.round.RoundOutcome;

/**
 * The longest runs of wins and of losses. Within one session, in series order: a WIN extends the win run and ends
 * the loss run, a LOSS the other way round, and SKIP and ERROR rounds neither extend nor break a run (the write path
 * derives {@code analytics_round_outcomes.win_streak_length} by the same rule). A run never crosses a session
 * boundary: across the interleaved rounds of several bots a "streak" would mean nothing.
 * <p>
 * SQL: the gaps-and-islands of WIN/LOSS rounds only, {@code PARTITION BY session_id ORDER BY
 * round_start_timestamp, id}; the longest island per outcome.
 *
 * @param longestWinStreak  the most consecutive wins in one session; 0 without wins
 * @param longestLossStreak the most consecutive losses in one session; 0 without losses
 */
public record Streaks(int longestWinStreak, int longestLossStreak) {

    public static Streaks of(RoundSeries series) {
        Map<String, Run> runBySession = new HashMap<>();
        int longestWin = 0;
        int longestLoss = 0;
        for (RoundResult round : series.rounds()) {
            if (!round.outcome().isSettledBet()) {
                continue;
            }
            Run run = runBySession.merge(round.sessionId(), new Run(round.outcome(), 1), Run::then);
            if (run.outcome() == RoundOutcome.WIN) {
                longestWin = Math.max(longestWin, run.length());
            } else {
                longestLoss = Math.max(longestLoss, run.length());
            }
        }
        return new Streaks(longestWin, longestLoss);
    }

    /** The current run of one session: which settled outcome repeats, and how many times so far. */
    private record Run(RoundOutcome outcome, int length) {

        Run then(Run next) {
            return next.outcome == outcome ? new Run(outcome, length + 1) : next;
        }
    }
}
