package com.crashanalytics.persistence.testing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crashanalytics.domain.analytics.performance.RoundResult;
import com.crashanalytics.domain.round.RoundOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes analytics fixtures straight into the tables, consistently: platforms, bots, sessions, rounds with their
 * {@code analytics_round_outcomes} row (streak lengths derived per session as the write path derives them), signals,
 * errors and OCR reads. Keeps every round it wrote as a {@link RoundResult}, so a test can run the same rounds
 * through the domain math. Shared by the SQL-versus-domain agreement tests here and the gateway's analytics tests.
 */
public final class AnalyticsFixtures {

    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private final JdbcTemplate jdbc;
    private final List<Written> rounds = new ArrayList<>();
    private final Map<String, int[]> streaksBySession = new HashMap<>();
    private final Map<String, Integer> roundNumbers = new HashMap<>();

    /** A round as written: its id and what the domain sees of it. */
    public record Written(UUID id, RoundResult result, @Nullable BigDecimal crash, String strategy) {
    }

    public AnalyticsFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static Instant minute(int i) {
        return START.plus(i, ChronoUnit.MINUTES);
    }

    public AnalyticsFixtures platform(String game, String platform, String houseEdgePercent) {
        jdbc.update("INSERT INTO game_platform_config (game_name, platform_code, house_edge_percent) VALUES (?, ?, ?)",
                game, platform, new BigDecimal(houseEdgePercent));
        return this;
    }

    public AnalyticsFixtures bot(String botId, String strategy) {
        jdbc.update("INSERT INTO bot_vm_registration (bot_id, strategy_name) VALUES (?, ?)", botId, strategy);
        return this;
    }

    /** A deposit (amount &gt; 0) or a withdrawal (amount &lt; 0) of the session's bankroll at {@code at}. */
    public void capitalEvent(String botId, String sessionId, BigDecimal amount, Instant at) {
        jdbc.update("""
                INSERT INTO capital_events (id, bot_id, session_id, client_event_id, kind, amount, occurred_at,
                                            content_fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'fixture')
                """, UUID.randomUUID(), botId, sessionId, sessionId + "@" + at, amount.signum() > 0 ? "DEPOSIT" : "WITHDRAWAL",
                amount.abs(), Timestamp.from(at));
    }

    public AnalyticsFixtures session(String sessionId, String botId, String game, String platform, String strategy,
                              String initialBalance) {
        jdbc.update("""
                INSERT INTO session_logs (session_id, bot_id, game_name, platform_code, strategy_name, start_time,
                                          initial_balance, current_balance, peak_balance)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, sessionId, botId, game, platform, strategy, Timestamp.from(START),
                new BigDecimal(initialBalance), new BigDecimal(initialBalance), new BigDecimal(initialBalance));
        return this;
    }

    /** A round of a session; the round number is the next in the session. */
    public UUID round(String sessionId, Instant at, RoundOutcome outcome, String stake, String profitLoss,
               @Nullable String balanceAfter, @Nullable String crash, @Nullable String externalId) {
        Map<String, Object> session = jdbc.queryForMap(
                "SELECT bot_id, game_name, platform_code, strategy_name FROM session_logs WHERE session_id = ?", sessionId);
        String botId = (String) session.get("bot_id");
        String strategy = (String) session.get("strategy_name");
        int number = roundNumbers.merge(sessionId, 1, Integer::sum);
        UUID id = UUID.randomUUID();
        BigDecimal pl = new BigDecimal(profitLoss);
        jdbc.update("""
                INSERT INTO crash_game_rounds (id, bot_id, session_id, game_name, platform_code, round_number,
                    round_external_id, round_start_timestamp, stake_value, strategy_name, crash_multiplier_detected,
                    profit_loss_amount, running_balance_after, round_outcome, content_fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'fixture')
                """, id, botId, sessionId, session.get("game_name"), session.get("platform_code"), number, externalId,
                Timestamp.from(at), new BigDecimal(stake), strategy, crash == null ? null : new BigDecimal(crash), pl,
                balanceAfter == null ? null : new BigDecimal(balanceAfter), outcome.name());
        int[] streak = streaksBySession.computeIfAbsent(sessionId, s -> new int[2]);
        if (outcome == RoundOutcome.WIN) {
            streak[0]++;
            streak[1] = 0;
        } else if (outcome == RoundOutcome.LOSS) {
            streak[1]++;
            streak[0] = 0;
        }
        jdbc.update("""
                INSERT INTO analytics_round_outcomes (round_id, round_number, bot_id, session_id, game_name, platform_code,
                    strategy_name, outcome, stake_value, profit_loss, balance_after, crash_multiplier, outcome_category,
                    win_streak_length, loss_streak_length, "timestamp", date_bucket, hour_bucket)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, id, number, botId, sessionId, session.get("game_name"), session.get("platform_code"), strategy,
                outcome.name(), new BigDecimal(stake), pl, balanceAfter == null ? null : new BigDecimal(balanceAfter),
                crash == null ? null : new BigDecimal(crash),
                pl.signum() > 0 ? "small_win" : pl.signum() < 0 ? "small_loss" : "break_even", streak[0], streak[1],
                Timestamp.from(at), at.atOffset(ZoneOffset.UTC).toLocalDate(),
                Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)));
        rounds.add(new Written(id, new RoundResult(at, outcome, new BigDecimal(stake), pl,
                balanceAfter == null ? null : new BigDecimal(balanceAfter), botId, sessionId),
                crash == null ? null : new BigDecimal(crash), strategy));
        return id;
    }

    /** A round with only a crash multiplier that matters (a SKIP: no stake, no P/L). */
    public UUID crash(String sessionId, Instant at, String crash, @Nullable String externalId) {
        return round(sessionId, at, RoundOutcome.SKIP, "0", "0", null, crash, externalId);
    }

    /**
     * A signal that the round reaches 2.0 with {@code confidence}, judged as the gateway judges it: {@code reached}
     * sets the actual multiplier (2.5 or 1.5) and the correctness is (confidence ≥ 0.5) == reached; null leaves it
     * pending.
     */
    public void signal(UUID roundId, String type, double confidence, @Nullable Boolean reached, Instant at) {
        Map<String, Object> round = jdbc.queryForMap(
                "SELECT round_number, bot_id, session_id, game_name, platform_code, round_start_timestamp "
                        + "FROM crash_game_rounds WHERE id = ?",
                roundId);
        jdbc.update("""
                INSERT INTO analytics_round_signals (round_id, round_start_timestamp, round_number, bot_id, session_id,
                    game_name, platform_code, signal_type, client_signal_id, "timestamp", confidence_score,
                    predicted_multiplier, signal_correctness, actual_multiplier, content_fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2.0, ?, ?, 'fixture')
                """, roundId, round.get("round_start_timestamp"), round.get("round_number"), round.get("bot_id"), round.get("session_id"),
                round.get("game_name"), round.get("platform_code"), type, UUID.randomUUID().toString(),
                Timestamp.from(at), confidence, reached == null ? null : (confidence >= 0.5) == reached,
                reached == null ? null : new BigDecimal(reached ? "2.5" : "1.5"));
    }

    public void error(String botId, @Nullable String sessionId, String type, String severity, Instant at) {
        jdbc.update("""
                INSERT INTO error_logs (bot_id, session_id, error_type, severity, "timestamp", content_fingerprint)
                VALUES (?, ?, ?, ?, ?, 'fixture')
                """, botId, sessionId, type, severity, Timestamp.from(at));
    }

    public void ocr(String botId, String status, @Nullable Double confidence, Instant at) {
        jdbc.update("""
                INSERT INTO ocr_validation_logs (bot_id, validation_status, confidence, "timestamp", content_fingerprint)
                VALUES (?, ?, ?, ?, 'fixture')
                """, botId, status, confidence, Timestamp.from(at));
    }

    public List<Written> written() {
        return List.copyOf(rounds);
    }
}
