package com.crashanalytics.domain.recovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.crashanalytics.domain.bot.BotErrors;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.SortDirection;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundFilter;
import com.crashanalytics.domain.round.RoundReadModel;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionLog;
import org.jspecify.annotations.Nullable;

/**
 * Answers where a bot left off from one read-only snapshot: the bot, its current session and that session's
 * last-numbered rounds, so the three always agree (no round logged between reading the totals and the rounds).
 */
public final class RestartRecoveryService implements ResumeUseCase {

    private final BotRegistry bots;
    private final SessionLog sessions;
    private final RoundReadModel rounds;
    private final Transactions transactions;

    public RestartRecoveryService(BotRegistry bots, SessionLog sessions, RoundReadModel rounds,
                                  Transactions transactions) {
        this.bots = bots;
        this.sessions = sessions;
        this.rounds = rounds;
        this.transactions = transactions;
    }

    @Override
    public Resume resume(ResumeQuery query) {
        // Thrown after the read, not inside it: a query already runs in the request's read-only snapshot, which an
        // exception inside the joined transaction would mark rollback-only.
        return transactions.readOnly(() -> bots.find(query.botId()).map(bot -> {
            @Nullable Session last = bot.currentSessionId() == null ? null
                    : sessions.find(bot.currentSessionId()).orElse(null);
            return new Resume(bot, last, last == null ? List.<Round>of() : lastRounds(last, query.lastRounds()));
        })).orElseThrow(() -> BotErrors.unknownBot("botId", query.botId()));
    }

    private List<Round> lastRounds(Session session, int count) {
        if (count == 0) {
            return List.of();
        }
        ListQuery<RoundFilter> highestFirst = ListQuery.of(RoundFilter.ALL, RoundReadModel.BY_NUMBER, count, null,
                SortDirection.DESC);
        // with their analytics: the answer's rounds may be asked for their outcome
        List<Round> newestFirst = rounds.roundsOfSessions(List.of(session.sessionId()), highestFirst,
                RoundReadModel.Reading.EVERYTHING).get(session.sessionId()).nodes();
        List<Round> ascending = new ArrayList<>(newestFirst);
        Collections.reverse(ascending);
        return ascending;
    }
}
