package com.crashanalytics.simulator.play;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.crashanalytics.domain.round.RoundOutcome;

/**
 * A bot's session from start to end: its rounds in order and how it ended.
 *
 * @param balanceRead the bot's OCR read of its balance as the session ended (shown to the cent)
 */
public record SimulatedSession(
        SessionSetup setup,
        Instant startedAt,
        Instant endedAt,
        BigDecimal initialBalance,
        BigDecimal finalBalance,
        SessionEnd end,
        List<SimulatedRound> rounds,
        OcrRead balanceRead) {

    public SimulatedSession {
        rounds = List.copyOf(rounds);
    }

    public String botId() {
        return setup.bot().botId();
    }

    public String sessionId() {
        return setup.sessionId();
    }

    public GameTable table() {
        return setup.table();
    }

    public String strategyName() {
        return setup.bot().strategy().name();
    }

    public boolean busted() {
        return end == SessionEnd.BUST;
    }

    public long count(RoundOutcome outcome) {
        return rounds.stream().filter(round -> round.outcome() == outcome).count();
    }

    /** Final minus initial balance: also the sum of the rounds' profits and losses. */
    public BigDecimal profitLoss() {
        return finalBalance.subtract(initialBalance);
    }

    public BigDecimal totalStaked() {
        return rounds.stream().map(SimulatedRound::stake).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<ErrorEvent> errors() {
        return rounds.stream().map(SimulatedRound::error).filter(Objects::nonNull).toList();
    }
}
