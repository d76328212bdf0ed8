package com.crashanalytics.domain.diagnostics;

import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.bot.BotErrors;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.IdGenerator;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.session.SessionErrors;
import com.crashanalytics.domain.session.SessionLog;
import org.jspecify.annotations.Nullable;

/**
 * Logs errors and OCR reads. No session lock: these are not counted in any total, and the unique client event id
 * alone makes concurrent retries safe (the insert that loses the race writes nothing and answers the winner's).
 */
public final class DiagnosticsService implements LogDiagnosticsUseCase {

    private final DiagnosticsLog log;
    private final SessionLog sessions;
    private final BotRegistry bots;
    private final IdGenerator ids;
    private final Transactions transactions;

    public DiagnosticsService(DiagnosticsLog log, SessionLog sessions, BotRegistry bots, IdGenerator ids,
                              Transactions transactions) {
        this.log = log;
        this.sessions = sessions;
        this.bots = bots;
        this.ids = ids;
        this.transactions = transactions;
    }

    @Override
    public LoggedError logError(LogErrorCommand command) {
        return transactions.inTransaction(() -> {
            DiagnosticTarget target = command.target();
            UUID roundId = roundOf(target);
            ErrorLog error = new ErrorLog(ids.newId(), target.botId(), target.sessionId(), roundId, target.roundNumber(),
                    target.clientEventId(), command.errorType(),
                    command.severity() != null ? command.severity() : Severity.ERROR, command.errorMessage(),
                    command.stackTrace(), command.recoveryAction(), command.recoverySuccessful(), command.context(),
                    command.timestamp() != null ? command.timestamp() : target.receivedAt(), command.fingerprint());
            if (log.insertIfAbsent(error)) {
                return new LoggedError(error, false);
            }
            ErrorLog stored = log.findError(target.botId(), target.clientEventId()).orElseThrow();
            if (stored.contentFingerprint().equals(error.contentFingerprint())) {
                return new LoggedError(stored, true);
            }
            throw conflict(target);
        });
    }

    @Override
    public LoggedOcrValidation logOcrValidation(LogOcrValidationCommand command) {
        return transactions.inTransaction(() -> {
            DiagnosticTarget target = command.target();
            OcrValidation read = OcrValidation.of(ids.newId(), target.botId(), target.sessionId(), roundOf(target),
                    target.roundNumber(), target.clientEventId(), command.reading(), target.receivedAt(),
                    command.fingerprint());
            if (log.insertIfAbsent(read)) {
                return new LoggedOcrValidation(read, false);
            }
            OcrValidation stored = log.findOcrValidation(target.botId(), target.clientEventId()).orElseThrow();
            if (stored.contentFingerprint().equals(read.contentFingerprint())) {
                return new LoggedOcrValidation(stored, true);
            }
            throw conflict(target);
        });
    }

    /** Checks the bot and session exist and go together; the round's id when the round is already logged. */
    private @Nullable UUID roundOf(DiagnosticTarget target) {
        if (bots.find(target.botId()).isEmpty()) {
            throw BotErrors.unknownBot("botId", target.botId());
        }
        if (target.sessionId() == null) {
            return null;
        }
        if (sessions.find(target.sessionId()).filter(session -> session.belongsTo(target.botId())).isEmpty()) {
            throw SessionErrors.unknownSession("sessionId", target.botId(), target.sessionId());
        }
        if (target.roundNumber() == null) {
            return null;
        }
        Optional<UUID> round = log.findRoundId(target.botId(), target.sessionId(), target.roundNumber());
        return round.orElse(null);
    }

    private static ConflictException conflict(DiagnosticTarget target) {
        return new ConflictException("clientEventId", "event '" + target.clientEventId() + "' of bot '"
                + target.botId() + "' is already logged with other content; the stored event stays as it is");
    }
}
