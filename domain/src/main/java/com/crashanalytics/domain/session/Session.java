package com.crashanalytics.domain.session;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.JsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * A bot's session on one game and platform: the aggregate that owns the session's running totals and moves them
 * as rounds arrive, in round-number order. Rounds normally arrive in order and extend the totals; a round that
 * arrives after a later-numbered one (a retry, a batch sent late) makes the session replay its rounds in order,
 * so the totals, streaks and balances never depend on arrival order.
 *
 * @param contentFingerprint fingerprint of the startSession request, to tell a retry from a conflicting reuse
 * @param updatedAt          when the gateway last heard from the session (a round, a heartbeat, the end)
 * @param endReason          why the gateway ended it, when it did (ABANDONED); null when the bot ended it
 */
public record Session(
        String sessionId,
        String botId,
        String gameName,
        String platformCode,
        @Nullable String strategyName,
        @Nullable JsonDocument strategyParameters,
        SessionStatus status,
        Instant startTime,
        @Nullable Instant endTime,
        @Nullable Instant lastHeartbeatAt,
        @Nullable String notes,
        BigDecimal initialBalance,
        @Nullable BigDecimal finalBalance,
        SessionTotals totals,
        String contentFingerprint,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String endReason) {

    /** A session as startSession opens it. */
    public static Session start(StartSessionCommand command, @Nullable String defaultStrategyName) {
        Instant now = command.receivedAt();
        return new Session(command.sessionId(), command.botId(), command.gameName(), command.platformCode(),
                command.strategyName() != null ? command.strategyName() : defaultStrategyName,
                command.strategyParameters(), SessionStatus.ACTIVE,
                command.startTime() != null ? command.startTime() : now, null, null, null,
                command.initialBalance(), null, SessionTotals.opening(command.initialBalance()),
                command.fingerprint(), now, now, null);
    }

    public boolean belongsTo(String botId) {
        return this.botId.equals(botId);
    }

    public boolean isActive() {
        return status == SessionStatus.ACTIVE;
    }

    /** Refuses new rounds once the session has ended. */
    public void ensureAcceptsRounds(String field) {
        if (!isActive()) {
            throw new ConflictException(field, "session '" + sessionId + "' ended (" + status + " at " + endTime
                    + ") and accepts no more rounds; start a new session");
        }
    }

    /**
     * Stale: still ACTIVE, but nothing heard (no round, no heartbeat) for longer than {@code staleAfter}: the bot
     * probably died without ending its session.
     */
    public boolean isStale(Instant now, Duration staleAfter) {
        return isActive() && lastSeenAt().plus(staleAfter).isBefore(now);
    }

    public Instant lastSeenAt() {
        return lastHeartbeatAt != null && lastHeartbeatAt.isAfter(updatedAt) ? lastHeartbeatAt : updatedAt;
    }

    public Session heartbeat(Instant at) {
        return new Session(sessionId, botId, gameName, platformCode, strategyName, strategyParameters, status,
                startTime, endTime, at, notes, initialBalance, finalBalance, totals, contentFingerprint, createdAt, at,
                endReason);
    }

    /** The session ended as the command says; the final balance defaults to the balance the gateway tracked. */
    public Session end(EndSessionCommand command) {
        Instant now = command.receivedAt();
        Instant end = command.endTime() != null ? command.endTime() : now.isBefore(startTime) ? startTime : now;
        return new Session(sessionId, botId, gameName, platformCode, strategyName, strategyParameters,
                command.status(), startTime, end, lastHeartbeatAt,
                command.notes(), initialBalance,
                command.finalBalance() != null ? command.finalBalance() : totals.currentBalance(), totals,
                contentFingerprint, createdAt, now, null);
    }

    /**
     * The session ended by the gateway because its bot went silent: ABANDONED at the moment it was last heard from
     * (not at the sweep, which may come much later), the final balance the one the gateway tracked, the totals as
     * they are. The reason says since when and under which limit. When it was last heard from stays as it was: the
     * gateway ending it is not news from the bot.
     */
    public Session abandon(Instant now, Duration silentLimit) {
        Instant lastSeen = lastSeenAt();
        Instant end = lastSeen.isBefore(startTime) ? startTime : lastSeen;
        String reason = "nothing heard (no round, no heartbeat) since " + lastSeen + ", longer than the limit of "
                + silentLimit + ": abandoned by the gateway at " + now;
        return new Session(sessionId, botId, gameName, platformCode, strategyName, strategyParameters,
                SessionStatus.ABANDONED, startTime, end, lastHeartbeatAt, notes, initialBalance,
                totals.currentBalance(), totals, contentFingerprint, createdAt, updatedAt, reason);
    }

    /** Whether ending it again with this command is a retry of how it ended (absent fields match anything). */
    public boolean endedAs(EndSessionCommand command) {
        return status == command.status()
                && (command.finalBalance() == null
                    || finalBalance != null && finalBalance.compareTo(command.finalBalance()) == 0)
                && (command.notes() == null || Objects.equals(notes, command.notes()))
                && (command.endTime() == null || Objects.equals(endTime, command.endTime()));
    }

    /** Whether rounds with these numbers all come after every round already counted (the usual case). */
    public boolean extendsWith(List<LedgerEntry> rounds) {
        Integer last = totals.lastRoundNumber();
        return last == null || rounds.stream().allMatch(round -> round.roundNumber() > last);
    }

    /**
     * Counts new rounds that all come after the counted ones (see {@link #extendsWith}): the totals continue
     * from where they are.
     */
    public Recorded record(List<LedgerEntry> newRounds, Instant now) {
        if (!extendsWith(newRounds)) {
            throw new IllegalArgumentException("rounds numbered before the last counted one need a replay");
        }
        return fold(totals, newRounds, now);
    }

    /**
     * Recounts the session from its opening over every round, stored and new: used when a round arrives after
     * a later-numbered one, so order-dependent numbers (balance, peak, drawdown, streaks) are as if in order.
     */
    public Recorded replay(List<LedgerEntry> allRounds, Instant now) {
        return fold(SessionTotals.opening(initialBalance), allRounds, now);
    }

    private Recorded fold(SessionTotals from, List<LedgerEntry> rounds, Instant now) {
        List<LedgerEntry> ordered = new ArrayList<>(rounds);
        ordered.sort(Comparator.comparingInt(LedgerEntry::roundNumber));
        SessionTotals running = from;
        List<RoundStanding> standings = new ArrayList<>(ordered.size());
        for (LedgerEntry round : ordered) {
            SessionTotals.Step step = running.after(round);
            running = step.totals();
            standings.add(step.standing());
        }
        Session counted = new Session(sessionId, botId, gameName, platformCode, strategyName, strategyParameters,
                status, startTime, endTime, lastHeartbeatAt, notes, initialBalance, finalBalance, running,
                contentFingerprint, createdAt, now, endReason);
        return new Recorded(counted, standings);
    }

    /** The session after counting rounds, and where it stood at each of them (in round-number order). */
    public record Recorded(Session session, List<RoundStanding> standings) {
    }
}
