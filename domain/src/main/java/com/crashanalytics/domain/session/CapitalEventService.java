package com.crashanalytics.domain.session;

import com.crashanalytics.domain.bot.BotErrors;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.IdGenerator;
import com.crashanalytics.domain.common.Transactions;

/**
 * Logs capital events. No session lock: an event changes no running total (the equity returns read the events with
 * the rounds), and the unique (bot, client event id) makes concurrent retries safe.
 */
public final class CapitalEventService implements LogCapitalEventUseCase {

    private final CapitalEventLog log;
    private final SessionLog sessions;
    private final BotRegistry bots;
    private final IdGenerator ids;
    private final Transactions transactions;

    public CapitalEventService(CapitalEventLog log, SessionLog sessions, BotRegistry bots, IdGenerator ids,
                               Transactions transactions) {
        this.log = log;
        this.sessions = sessions;
        this.bots = bots;
        this.ids = ids;
        this.transactions = transactions;
    }

    @Override
    public LoggedCapitalEvent logCapitalEvent(LogCapitalEventCommand command) {
        return transactions.inTransaction(() -> {
            if (bots.find(command.botId()).isEmpty()) {
                throw BotErrors.unknownBot("botId", command.botId());
            }
            if (sessions.find(command.sessionId()).filter(session -> session.belongsTo(command.botId())).isEmpty()) {
                throw SessionErrors.unknownSession("sessionId", command.botId(), command.sessionId());
            }
            CapitalEvent event = new CapitalEvent(ids.newId(), command.botId(), command.sessionId(),
                    command.clientEventId(), command.kind(), command.amount(), command.effectiveTime(), command.note(),
                    command.fingerprint());
            if (log.insertIfAbsent(event)) {
                return new LoggedCapitalEvent(event, false);
            }
            CapitalEvent stored = log.find(command.botId(), command.clientEventId()).orElseThrow();
            if (stored.contentFingerprint().equals(event.contentFingerprint())) {
                return new LoggedCapitalEvent(stored, true);
            }
            throw new ConflictException("clientEventId", "capital event '" + command.clientEventId() + "' of bot '"
                    + command.botId() + "' is already logged with other content; the stored event stays as it is");
        });
    }
}
