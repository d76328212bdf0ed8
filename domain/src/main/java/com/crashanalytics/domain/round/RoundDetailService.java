package com.crashanalytics.domain.round;

import java.util.List;
import java.util.Optional;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.IdGenerator;
import com.crashanalytics.domain.common.NotFoundException;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.round.RoundLogbook.RoundRecords;
import com.crashanalytics.domain.round.RoundLogbook.StoredRound;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionErrors;
import com.crashanalytics.domain.session.SessionLog;

/**
 * Logs samples and signals sent apart from their round. Like rounds, each call first locks its session's row, so
 * a signal and its round arriving together cannot miss each other: whichever commits second sees the first.
 */
public final class RoundDetailService implements LogRoundDetailUseCase {

    private final RoundLogbook logbook;
    private final SessionLog sessions;
    private final IdGenerator ids;
    private final Transactions transactions;

    public RoundDetailService(RoundLogbook logbook, SessionLog sessions, IdGenerator ids, Transactions transactions) {
        this.logbook = logbook;
        this.sessions = sessions;
        this.ids = ids;
        this.transactions = transactions;
    }

    @Override
    public LoggedSample logMultiplier(LogMultiplierCommand command) {
        return transactions.inTransaction(() -> {
            Session session = lockedSessionOf(command.botId(), command.sessionId());
            RoundKey key = command.roundKey();
            StoredRound round = logbook.findStored(List.of(key)).get(key);
            if (round == null) {
                throw new NotFoundException("roundNumber", key + " is not logged; log the round first, or send its "
                        + "samples nested in logRound");
            }
            int index = command.sample().sampleIndex();
            Optional<MultiplierSample> existing = logbook.findSample(round.id(), index);
            String fingerprint = MultiplierSample.fingerprintOf(index, command.sample());
            if (existing.isPresent()) {
                if (fingerprint.equals(existing.get().contentFingerprint())) {
                    return new LoggedSample(existing.get(), true);
                }
                throw new ConflictException("sampleIndex", "sample " + index + " of " + key
                        + " is already logged with other content; the stored sample stays as it is");
            }
            MultiplierSample sample = MultiplierSample.of(ids.newId(), round.id(), key, session.gameName(),
                    session.platformCode(), index, command.sample(), command.receivedAt());
            logbook.append(RoundRecords.ofSample(sample));
            return new LoggedSample(sample, false);
        });
    }

    @Override
    public LoggedSignal logSignal(LogSignalCommand command) {
        return transactions.inTransaction(() -> {
            Session session = lockedSessionOf(command.botId(), command.sessionId());
            RoundKey key = command.roundKey();
            SignalReport report = command.signal();
            Optional<Signal> existing = logbook.signalsOf(List.of(key)).stream()
                    .filter(signal -> signal.identityWithinRound().equals(report.identityWithinRound()))
                    .findFirst();
            if (existing.isPresent()) {
                if (existing.get().contentFingerprint().equals(report.fingerprint())) {
                    return new LoggedSignal(existing.get(), true);
                }
                throw new ConflictException("clientSignalId", "signal '" + report.signalType() + "' (client signal id '"
                        + report.clientSignalIdOrEmpty() + "') of " + key
                        + " is already logged with other content; give another signal a new clientSignalId");
            }
            Signal signal = Signal.of(ids.newId(), key, session.gameName(), session.platformCode(), report,
                    command.receivedAt());
            StoredRound stored = logbook.findStored(List.of(key)).get(key);
            if (stored != null) {
                Round round = logbook.findRound(stored.id()).orElseThrow();
                signal = signal.resolvedBy(round.id(), round.crashMultiplier());
            } else if (!session.isActive()) {
                throw new ConflictException("roundNumber", key + " is not logged and session '" + session.sessionId()
                        + "' has ended, so it never will be: a signal for it would stay pending forever");
            }
            logbook.append(RoundRecords.ofSignal(signal));
            return new LoggedSignal(signal, false);
        });
    }

    private Session lockedSessionOf(String botId, String sessionId) {
        Session session = sessions.lockAll(List.of(sessionId)).stream().findFirst()
                .filter(found -> found.belongsTo(botId))
                .orElseThrow(() -> SessionErrors.unknownSession("sessionId", botId, sessionId));
        return session;
    }
}
