package com.crashanalytics.benchmarks.database;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.crashanalytics.benchmarks.workload.PlayedRound;
import com.crashanalytics.simulator.play.MultiplierSample;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSignal;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * The rows the gateway writes for a round, as plain values, in four tables: the round, its outcome row, its
 * multiplier samples, its signal. The baselines write exactly these (by JDBC batch, one transaction per round, or
 * COPY); they skip what makes the gateway the gateway (validation, idempotency look-ups, the content fingerprint's
 * hash, session totals, HTTP and GraphQL). Ids are UUIDv7, as the gateway's, so rows land in the indexes alike.
 */
public final class RoundRows {

    public static final Table ROUNDS = new Table("crash_game_rounds", List.of("id", "bot_id", "session_id", "game_name",
            "platform_code", "round_number", "round_external_id", "round_start_timestamp", "round_end_timestamp",
            "duration_seconds", "stake_value", "strategy_name", "strategy_step", "target_multiplier",
            "crash_multiplier_detected", "cashout_multiplier", "cashout_amount", "profit_loss_amount",
            "running_balance_before", "running_balance_after", "roi_percent", "round_outcome", "data_quality_flags",
            "content_fingerprint", "logged_at"), 22);
    public static final Table OUTCOMES = new Table("analytics_round_outcomes", List.of("id", "round_id", "round_number",
            "bot_id", "session_id", "game_name", "platform_code", "strategy_name", "outcome", "stake_value", "profit_loss",
            "roi_percent", "balance_after", "target_multiplier", "actual_multiplier", "crash_multiplier", "hit_target",
            "multiplier_error", "outcome_category", "win_streak_length", "loss_streak_length", "\"timestamp\"",
            "date_bucket", "hour_bucket"), -1);
    public static final Table SAMPLES = new Table("analytics_round_multipliers", List.of("id", "round_id", "round_start_timestamp", "sample_index",
            "bot_id", "session_id", "game_name", "platform_code", "multiplier", "\"timestamp\"", "elapsed_ms",
            "is_crash_multiplier", "is_cashout_multiplier", "ocr_confidence", "date_bucket", "content_fingerprint"), -1);
    public static final Table SIGNALS = new Table("analytics_round_signals", List.of("id", "round_id", "round_start_timestamp", "round_number",
            "bot_id", "session_id", "game_name", "platform_code", "signal_type", "client_signal_id", "\"timestamp\"",
            "confidence_score", "predicted_multiplier", "signal_correctness", "actual_multiplier", "prediction_error",
            "content_fingerprint"), -1);

    /** A plain insert stores something in the fingerprint column, which is NOT NULL; the gateway hashes the content. */
    private static final String FINGERPRINT = "0".repeat(64);
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    /**
     * A table and its columns as the baselines write them.
     *
     * @param textArrayColumn the index of a {@code text[]} column (bound as text and cast), or -1
     */
    public record Table(String name, List<String> columns, int textArrayColumn) {

        public String insert(int rows) {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(name).append(" (")
                    .append(String.join(", ", columns)).append(") VALUES ");
            for (int row = 0; row < rows; row++) {
                sql.append(row == 0 ? "(" : ", (");
                for (int column = 0; column < columns.size(); column++) {
                    sql.append(column == 0 ? "" : ", ").append(column == textArrayColumn ? "CAST(? AS text[])" : "?");
                }
                sql.append(')');
            }
            return sql.toString();
        }

        public String copy() {
            return "COPY " + name + " (" + String.join(", ", columns) + ") FROM STDIN";
        }
    }

    /** One round's rows: the round, its outcome, its samples, its signal. */
    public record Rows(Object[] round, Object[] outcome, List<Object[]> samples, Object[] signal) {
    }

    private RoundRows() {
    }

    public static Rows of(PlayedRound played) {
        SimulatedRound round = played.round();
        UUID roundId = IDS.generate();
        OffsetDateTime start = utc(round.startedAt());
        LocalDate day = start.toLocalDate();
        Object[] roundRow = {roundId, played.botId(), played.sessionId(), played.game(), played.platform(),
                round.roundNumber(), played.externalId(), start, utc(round.endedAt()), played.durationSeconds(),
                round.stake(), round.strategyName(), round.strategyStep(), round.target(), round.crashMultiplier(),
                round.cashout(), played.cashoutAmount(), round.profitLoss(), round.balanceBefore(), round.balanceAfter(),
                played.roiPercent(), round.outcome().name(), "{}", FINGERPRINT, OffsetDateTime.now(ZoneOffset.UTC)};
        Object[] outcome = {IDS.generate(), roundId, round.roundNumber(), played.botId(), played.sessionId(),
                played.game(), played.platform(), round.strategyName(), round.outcome().name(), round.stake(),
                round.profitLoss(), played.roiPercent(), round.balanceAfter(), round.target(),
                played.actualMultiplier(), round.crashMultiplier(), played.hitTarget(), played.multiplierError(),
                played.outcomeCategory(), played.winStreak(), played.lossStreak(), start, day,
                utc(round.startedAt().truncatedTo(ChronoUnit.HOURS))};
        List<Object[]> samples = round.samples().stream().map(sample -> sample(played, roundId, start, sample)).toList();
        SimulatedSignal signal = round.signal();
        Object[] signalRow = {IDS.generate(), roundId, start, round.roundNumber(), played.botId(), played.sessionId(),
                played.game(), played.platform(), signal.signalType(), signal.clientSignalId(), utc(signal.at()),
                signal.confidence(), signal.predictedMultiplier(), played.signalCorrect(), round.crashMultiplier(),
                round.crashMultiplier().subtract(signal.predictedMultiplier()), FINGERPRINT};
        return new Rows(roundRow, outcome, samples, signalRow);
    }

    private static Object[] sample(PlayedRound played, UUID roundId, OffsetDateTime roundStart,
                                   MultiplierSample sample) {
        OffsetDateTime at = utc(sample.at());
        return new Object[] {IDS.generate(), roundId, roundStart, sample.sampleIndex(), played.botId(), played.sessionId(),
                played.game(), played.platform(), sample.multiplier(), at, (int) sample.elapsedMillis(),
                sample.crashReading(), false, sample.ocrConfidence(), at.toLocalDate(), FINGERPRINT};
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A value in COPY's text format. */
    static void appendCopyValue(StringBuilder line, Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof BigDecimal decimal) {
            line.append(decimal.toPlainString());
        } else if (value instanceof Boolean bool) {
            line.append(bool ? 't' : 'f');
        } else {
            // Ids, names, times (ISO-8601), dates, numbers: none holds a tab, newline or backslash.
            line.append(value);
        }
    }
}
