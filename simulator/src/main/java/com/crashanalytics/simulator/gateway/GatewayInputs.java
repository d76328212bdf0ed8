package com.crashanalytics.simulator.gateway;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.simulator.play.ErrorEvent;
import com.crashanalytics.simulator.play.GameTable;
import com.crashanalytics.simulator.play.MultiplierSample;
import com.crashanalytics.simulator.play.OcrMisread;
import com.crashanalytics.simulator.play.OcrRead;
import com.crashanalytics.simulator.play.SessionEnd;
import com.crashanalytics.simulator.play.SimulatedPrediction;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSession;
import com.crashanalytics.simulator.play.SimulatedSignal;

/**
 * The simulator's records as the gateway's inputs, field by field under the names of {@code schema.graphqls}
 * (a test checks every map against the input types). A bot reports what it saw: the crash as its multiplier
 * samples show it, and its OCR read of the crash next to it, as OCR validation data; a misread never becomes the
 * round's crash multiplier.
 */
final class GatewayInputs {

    /** The OCR read of the crash multiplier, as the bot names the field it read. */
    static final String CRASH_MULTIPLIER_FIELD = "crash_multiplier";
    /** The OCR read of the balance as a session ends. */
    static final String BALANCE_FIELD = "balance";

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private GatewayInputs() {
    }

    static GraphQlInput registerBot(RegisterBotCommand bot) {
        return new GraphQlInput()
                .put("botId", bot.botId())
                .put("botName", bot.botName())
                .put("vmName", bot.vmName())
                .put("vmProvider", bot.vmProvider())
                .put("region", bot.region())
                .put("strategyName", bot.strategyName())
                .put("initialBalance", bot.initialBalance())
                .put("baseStake", bot.baseStake())
                .put("maxStake", bot.maxStake());
    }

    static GraphQlInput configurePlatform(GameTable table, BigDecimal houseEdgePercent) {
        return new GraphQlInput()
                .put("gameName", table.gameName())
                .put("platformCode", table.platformCode())
                .put("houseEdgePercent", houseEdgePercent);
    }

    static GraphQlInput createBotKey(String label, String botId) {
        return new GraphQlInput()
                .put("label", label)
                .put("role", "BOT")
                .put("botIds", List.of(botId));
    }

    static GraphQlInput createDashboardKey(String label) {
        return new GraphQlInput()
                .put("label", label)
                .put("role", "DASHBOARD");
    }

    static GraphQlInput startSession(SimulatedSession session) {
        return new GraphQlInput()
                .put("botId", session.botId())
                .put("sessionId", session.sessionId())
                .put("gameName", session.table().gameName())
                .put("platformCode", session.table().platformCode())
                .put("strategyName", session.strategyName())
                .put("strategyParameters", session.setup().bot().strategy().parameters())
                .put("initialBalance", session.initialBalance())
                .put("startTime", session.startedAt());
    }

    static GraphQlInput heartbeat(String botId, String sessionId) {
        return new GraphQlInput().put("botId", botId).put("sessionId", sessionId);
    }

    /** One round with, nested, its multiplier samples, its signal and the OCR read of its crash. */
    static GraphQlInput round(SimulatedSession session, SimulatedRound round) {
        GraphQlInput input = new GraphQlInput()
                .put("botId", session.botId())
                .put("sessionId", session.sessionId())
                .put("gameName", session.table().gameName())
                .put("platformCode", session.table().platformCode())
                .put("roundNumber", round.roundNumber())
                .put("roundStartTimestamp", round.startedAt())
                .put("roundEndTimestamp", round.endedAt())
                .put("stakeValue", round.stake())
                .put("strategyName", round.strategyName())
                .put("strategyStep", round.strategyStep())
                .put("targetMultiplier", round.target())
                .put("crashMultiplier", round.crashMultiplier())
                .put("cashoutMultiplier", round.cashout())
                .put("roundOutcome", round.outcome())
                .put("profitLoss", round.profitLoss())
                .put("runningBalanceBefore", round.balanceBefore())
                .put("runningBalanceAfter", round.balanceAfter())
                .put("ocrText", round.crashRead().rawText())
                .put("ocrCleanedValue", round.crashRead().value())
                .put("ocrConfidence", round.crashRead().confidence())
                .put("multiplierSamples", round.samples().stream().map(GatewayInputs::sample).toList())
                .put("signals", List.of(signal(round.signal())))
                .put("ocrValidations", List.of(crashRead(round)));
        ErrorEvent error = round.error();
        if (round.outcome() == RoundOutcome.ERROR && error != null) {
            input.put("errorType", error.errorType())
                    .put("errorDescription", error.message())
                    .put("recoveryActionTaken", error.recoveryAction());
        }
        return input;
    }

    private static GraphQlInput sample(MultiplierSample sample) {
        return new GraphQlInput()
                .put("sampleIndex", sample.sampleIndex())
                .put("multiplier", sample.multiplier())
                .put("timestamp", sample.at())
                .put("elapsedMs", Math.toIntExact(sample.elapsedMillis()))
                .put("isCrash", sample.crashReading())
                .put("ocrConfidence", sample.ocrConfidence());
    }

    private static GraphQlInput signal(SimulatedSignal signal) {
        return new GraphQlInput()
                .put("signalType", signal.signalType())
                .put("clientSignalId", signal.clientSignalId())
                .put("timestamp", signal.at())
                .put("confidenceScore", signal.confidence())
                .put("predictedMultiplier", signal.predictedMultiplier());
    }

    /**
     * The OCR read of the crash, checked against the multiplier samples (whose last reading is the crash): VALID when
     * they agree; a dropped decimal point is CORRECTED (the point put back gives the samples' value); swapped digits
     * are INVALID (rejected; the samples' value stands). {@code cleanedValue} is what the OCR made of the text,
     * {@code expectedValue} what the samples say.
     */
    private static GraphQlInput crashRead(SimulatedRound round) {
        OcrRead read = round.crashRead();
        return new GraphQlInput()
                .put("fieldName", CRASH_MULTIPLIER_FIELD)
                .put("rawOcrText", read.rawText())
                .put("cleanedValue", read.value())
                .put("expectedValue", round.crashMultiplier())
                .put("confidence", read.confidence())
                .put("validationStatus", crashReadStatus(read))
                .put("timestamp", round.endedAt());
    }

    static String crashReadStatus(OcrRead read) {
        OcrMisread misread = read.misread();
        if (misread == null) {
            return "VALID";
        }
        return switch (misread) {
            case DROPPED_DECIMAL_POINT -> "CORRECTED";
            case SWAPPED_DIGITS -> "INVALID";
        };
    }

    static GraphQlInput error(SimulatedSession session, SimulatedRound round, ErrorEvent error) {
        return new GraphQlInput()
                .put("botId", session.botId())
                .put("sessionId", session.sessionId())
                .put("roundNumber", round.roundNumber())
                .put("clientEventId", error.clientEventId())
                .put("errorType", error.errorType())
                .put("severity", error.severity())
                .put("errorMessage", error.message())
                .put("recoveryAction", error.recoveryAction())
                .put("recoverySuccessful", true)
                .put("timestamp", error.at());
    }

    static GraphQlInput prediction(SimulatedPrediction prediction) {
        return new GraphQlInput()
                .put("modelName", prediction.modelName())
                .put("modelVersion", "simulated")
                .put("predictionId", prediction.predictionId())
                .put("gameName", prediction.table().gameName())
                .put("platformCode", prediction.table().platformCode())
                .put("kind", "WITHIN_ROUNDS")
                .put("threshold", prediction.threshold())
                .put("withinRounds", prediction.withinRounds())
                .put("confidence", prediction.confidence())
                .put("madeAt", prediction.madeAt());
    }

    /** The balance the bot read off the screen as it left, against the balance its own bookkeeping says. */
    static GraphQlInput balanceRead(SimulatedSession session) {
        OcrRead read = session.balanceRead();
        boolean agrees = read.value().subtract(session.finalBalance()).abs().compareTo(CENT) < 0;
        return new GraphQlInput()
                .put("botId", session.botId())
                .put("sessionId", session.sessionId())
                .put("clientEventId", session.sessionId() + "-" + BALANCE_FIELD)
                .put("fieldName", BALANCE_FIELD)
                .put("rawOcrText", read.rawText())
                .put("cleanedValue", read.value())
                .put("expectedValue", session.finalBalance())
                .put("confidence", read.confidence())
                .put("validationStatus", agrees ? "VALID" : "INVALID")
                .put("timestamp", session.endedAt());
    }

    /** COMPLETED after every planned round; a bot gone bust stopped early on purpose: ABORTED, with why. */
    static GraphQlInput endSession(SimulatedSession session) {
        return new GraphQlInput()
                .put("botId", session.botId())
                .put("sessionId", session.sessionId())
                .put("status", session.end() == SessionEnd.COMPLETED ? "COMPLETED" : "ABORTED")
                .put("finalBalance", session.finalBalance())
                .put("notes", notes(session))
                .put("endTime", session.endedAt());
    }

    static String notes(SimulatedSession session) {
        int played = session.rounds().size();
        if (session.end() == SessionEnd.COMPLETED) {
            return "played all " + played + " planned rounds";
        }
        return "bust after round " + played + ": the balance " + session.finalBalance().stripTrailingZeros().toPlainString()
                + " no longer covers the minimum stake "
                + session.setup().bot().minStake().stripTrailingZeros().toPlainString();
    }
}
