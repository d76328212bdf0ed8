package com.crashanalytics.domain.session;

import java.util.List;
import java.util.Optional;

import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.BotErrors;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.bot.PlatformRegistry;
import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.Transactions;
import org.jspecify.annotations.Nullable;

/** Starts and ends sessions and records heartbeats. Each call is one transaction. */
public final class SessionLifecycleService implements StartSessionUseCase, EndSessionUseCase, HeartbeatUseCase {

    private final SessionLog sessions;
    private final BotRegistry bots;
    private final PlatformRegistry platforms;
    private final Transactions transactions;
    private final SessionAnnouncements live;

    public SessionLifecycleService(SessionLog sessions, BotRegistry bots, PlatformRegistry platforms,
                                   Transactions transactions, SessionAnnouncements live) {
        this.sessions = sessions;
        this.bots = bots;
        this.platforms = platforms;
        this.transactions = transactions;
        this.live = live;
    }

    @Override
    public SessionResult start(StartSessionCommand command) {
        return transactions.inTransaction(() -> {
            if (command.tradeType() != null) {
                // checked before the retry too: a start stating the wrong kind of money is wrong however often sent
                command.ensurePlayableBy(knownBot(command.botId()));
            }
            Optional<Session> existing = sessions.find(command.sessionId());
            if (existing.isPresent()) {
                return retried(existing.get(), command);
            }
            Bot bot = knownBot(command.botId());
            if (platforms.find(command.gameName(), command.platformCode()).isEmpty()) {
                throw BotErrors.unconfiguredPlatform("platformCode", command.gameName(), command.platformCode());
            }
            Session session = Session.start(command, bot.strategyName());
            if (!sessions.insertIfAbsent(session)) {
                // Another request started the same session id between our look-up and our insert.
                return retried(sessions.find(command.sessionId()).orElseThrow(), command);
            }
            bots.recordSessionStarted(command.botId(), command.sessionId());
            live.started(session, command.receivedAt());
            return new SessionResult(session, false);
        });
    }

    private static SessionResult retried(Session stored, StartSessionCommand command) {
        if (stored.contentFingerprint().equals(command.fingerprint())) {
            return new SessionResult(stored, true);
        }
        if (!stored.belongsTo(command.botId())) {
            // Another bot's session: say the id is taken, nothing about whose it is or what it holds.
            throw new ConflictException("sessionId", "session id '" + command.sessionId()
                    + "' is already in use; a new session needs a new id");
        }
        throw new ConflictException("sessionId", "session '" + command.sessionId() + "' was already started by bot '"
                + stored.botId() + "' with other data (" + stored.gameName() + " on " + stored.platformCode()
                + ", initial balance " + stored.initialBalance().toPlainString()
                + "); a retry must repeat the same data, a new session needs a new id");
    }

    @Override
    public SessionResult end(EndSessionCommand command) {
        return transactions.inTransaction(() -> {
            Session session = lockedSessionOf(command.botId(), command.sessionId());
            if (!session.isActive()) {
                if (session.endedAs(command)) {
                    return new SessionResult(session, true);
                }
                throw new ConflictException("status", "session '" + session.sessionId() + "' already ended ("
                        + session.status() + " at " + session.endTime() + ", final balance "
                        + session.finalBalance().toPlainString() + "); it cannot end again differently");
            }
            if (command.endTime() != null && command.endTime().isBefore(session.startTime())) {
                throw InvalidInputException.of("endTime", "NOT_BEFORE_START",
                        "must not be before the session's start time " + session.startTime() + " (got "
                                + command.endTime() + ")");
            }
            Session ended = session.end(command);
            sessions.updateAll(List.of(ended));
            live.ended(ended, command.receivedAt());
            return new SessionResult(ended, false);
        });
    }

    @Override
    public Heartbeat heartbeat(HeartbeatCommand command) {
        return transactions.inTransaction(() -> {
            knownBot(command.botId());
            @Nullable Session session = null;
            if (command.sessionId() != null) {
                session = lockedSessionOf(command.botId(), command.sessionId()).heartbeat(command.receivedAt());
                sessions.updateAll(List.of(session));
            }
            bots.recordHeartbeat(command.botId(), command.receivedAt());
            return new Heartbeat(bots.find(command.botId()).orElseThrow(), session, command.receivedAt());
        });
    }

    private Bot knownBot(String botId) {
        return bots.find(botId).orElseThrow(() -> BotErrors.unknownBot("botId", botId));
    }

    private Session lockedSessionOf(String botId, String sessionId) {
        Session session = sessions.lockAll(List.of(sessionId)).stream().findFirst()
                .orElseThrow(() -> SessionErrors.unknownSession("sessionId", botId, sessionId));
        if (!session.belongsTo(botId)) {
            throw SessionErrors.unknownSession("sessionId", botId, sessionId);
        }
        return session;
    }
}
