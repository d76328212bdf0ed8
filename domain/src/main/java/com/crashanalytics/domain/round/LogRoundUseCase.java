package com.crashanalytics.domain.round;

import java.util.List;

/**
 * Inbound port: bots log rounds, one or a batch, each with its nested samples, signals and OCR reads, atomically.
 * A round sent again with the same content is answered from what is stored ({@code duplicate}); with other
 * content it is a conflict.
 */
public interface LogRoundUseCase {

    LoggedRound logRound(LogRoundCommand command);

    /** All the rounds or none; the answers are in the order of the rounds in the command. */
    List<LoggedRound> logRounds(LogRoundsCommand command);

    /**
     * A round as stored after the request.
     *
     * @param duplicate the round was already stored with the same content (or sent earlier in the same batch):
     *                  nothing was written for it
     */
    record LoggedRound(Round round, boolean duplicate) {
    }
}
