package com.crashanalytics.persistence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.signals.SignalEffectiveness;
import com.crashanalytics.domain.analytics.signals.SignalScore;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.persistence.lifecycle.JdbcRoundPartitions;
import com.crashanalytics.persistence.testing.AnalyticsFixtures;
import com.crashanalytics.persistence.testing.DatabaseCleaner;
import com.crashanalytics.persistence.testing.MigratedDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code signal_score_cells} (changelog 0414), the source of {@code signalEffectiveness} over all time, against the
 * statement that reads the signals themselves ({@code JdbcSignalReadModel.SCORES}, kept as the reference): random
 * signals of several types, platforms (house edges) and trade types, confidences on bucket boundaries and in between,
 * random targets; after every kind of change the write path and retention make (late judgement, which moves a signal
 * to its round's month partition, re-judgement, deletes of signals and of rounds, a month partition dropped, a
 * changed house edge, a bot's changed trade type) the two agree for every bucket count tried, type and trade type:
 * counts and money exactly, sums of doubles to 1e-9 relative (they are summed in another order).
 */
class SignalScoreCellsAgreementIT {

    private static final List<Integer> BUCKET_COUNTS = List.of(1, 2, 3, 7, 10, 64, 100);
    private static final List<String> TYPES = List.of("ml_model", "pattern");
    private static final String[][] PLATFORMS = {{"aviator", "spribe", "3"}, {"jetx", "smartsoft", "1.5"},
            {"aviatrix", "aviatrix", "5.25"}};
    private static final double[] BOUNDARIES = {0, 1, 0.5, 0.1, 1.0 / 3, 2.0 / 3, 0.7, 0.01, 0.99, 0.29, 0.57, 63.0 / 64};
    /** Two months: January gets a partition of its own (dropped by the retention step), February the rest. */
    private static final Instant JANUARY = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2026-02-10T08:00:00Z");

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static JdbcClient client;
    private static JdbcSignalReadModel signals;

    private final Random random = new Random(20261204);
    private final List<UUID> rounds = new ArrayList<>();

    @BeforeAll
    static void migrateADatabase() {
        dataSource = MigratedDatabase.pooled("signal_cells_agreement_test");
        jdbc = new JdbcTemplate(dataSource);
        client = JdbcClient.create(jdbc);
        signals = new JdbcSignalReadModel(client);
    }

    @AfterAll
    static void closeThePool() {
        dataSource.close();
    }

    @BeforeEach
    void randomSignals() {
        DatabaseCleaner.clean(dataSource);
        jdbc.queryForObject("SELECT prepare_round_partitions('2026-01-01')", Boolean.class);
        jdbc.queryForObject("SELECT prepare_round_partitions('2026-02-01')", Boolean.class);
        AnalyticsFixtures fixtures = new AnalyticsFixtures(jdbc);
        for (String[] platform : PLATFORMS) {
            fixtures.platform(platform[0], platform[1], platform[2]);
        }
        for (int b = 0; b < 6; b++) {
            String bot = "bot_" + b;
            String[] platform = PLATFORMS[b % PLATFORMS.length];
            fixtures.bot(bot, "flat_2x");
            jdbc.update("UPDATE bot_vm_registration SET trade_type = ? WHERE bot_id = ?", b < 3 ? "LIVE" : "PAPER", bot);
            String session = bot + "_s";
            fixtures.session(session, bot, platform[0], platform[1], "flat_2x", "100");
            for (int r = 0; r < 40; r++) {
                Instant at = (r < 15 ? JANUARY : FEBRUARY).plus(b * 100L + r, ChronoUnit.MINUTES);
                UUID round = fixtures.crash(session, at, multiplier().toPlainString(), null);
                rounds.add(round);
                for (int s = 0; s < 1 + random.nextInt(3); s++) {
                    signal(round, random.nextInt(5) == 0);
                }
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_score_cells", Long.class)).isPositive();
    }

    @Test
    void theCellsAgreeWithTheSignalsAfterEveryKindOfChange() {
        assertAgreement("as written");

        // Late judgement: a pending signal (no round, in the default partition) resolved as the write path does,
        // which moves it to its round's month partition.
        jdbc.update("""
                UPDATE analytics_round_signals s
                SET round_id = r.id, round_start_timestamp = r.round_start_timestamp,
                    actual_multiplier = r.crash_multiplier_detected,
                    signal_correctness = (s.confidence_score >= 0.5) = (r.crash_multiplier_detected >= s.predicted_multiplier),
                    prediction_error = r.crash_multiplier_detected - s.predicted_multiplier
                FROM crash_game_rounds r
                WHERE s.round_id IS NULL AND r.bot_id = s.bot_id AND r.round_number = s.round_number
                """);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analytics_round_signals WHERE signal_correctness IS NULL",
                Long.class)).isZero();
        assertAgreement("after late judgements");

        // Re-judgement: a corrected crash multiplier judges some signals again.
        jdbc.update("""
                UPDATE analytics_round_signals SET actual_multiplier = actual_multiplier + 1.5,
                    signal_correctness = (confidence_score >= 0.5) = (actual_multiplier + 1.5 >= predicted_multiplier)
                WHERE bot_id IN ('bot_1', 'bot_4') AND round_number % 3 = 0
                """);
        assertAgreement("after re-judgements");

        jdbc.update("DELETE FROM analytics_round_signals WHERE bot_id = 'bot_2' AND round_number % 4 = 1");
        jdbc.update("DELETE FROM crash_game_rounds WHERE id IN (?, ?, ?)", rounds.get(20), rounds.get(70), rounds.get(200));
        assertAgreement("after deleting signals and rounds (cascading to their signals)");

        jdbc.update("UPDATE game_platform_config SET house_edge_percent = 7.5 WHERE platform_code = 'smartsoft'");
        assertAgreement("after a changed house edge");

        jdbc.update("UPDATE bot_vm_registration SET trade_type = 'PAPER' WHERE bot_id = 'bot_0'");
        jdbc.update("UPDATE bot_vm_registration SET trade_type = 'LIVE' WHERE bot_id = 'bot_5'");
        assertAgreement("after bots changed trade type");

        // Retention: the January partitions dropped (no trigger fires), rows deleted in February.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analytics_round_signals_2026_01 WHERE signal_correctness IS NOT NULL",
                Long.class)).isPositive();
        new JdbcRoundPartitions(client).drop(YearMonth.of(2026, 1));
        assertAgreement("after dropping a month's partitions");
        jdbc.update("DELETE FROM analytics_round_signals WHERE round_start_timestamp < ?",
                Timestamp.from(FEBRUARY.plus(30, ChronoUnit.MINUTES)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analytics_round_signals WHERE round_start_timestamp < ?",
                Long.class, Timestamp.from(FEBRUARY))).isZero();
        assertAgreement("after retention");

        jdbc.execute("TRUNCATE analytics_round_signals");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_score_cells", Long.class)).isZero();
    }

    /**
     * The cell claim on the database's own function: confidences with the same {@code signal_confidence_cell} fall in
     * the same bucket (the domain's {@link SignalEffectiveness#bucketOf}) for every bucket count 1-100, and the cells
     * rise with the confidence. Random doubles, every boundary j/k and its neighbouring doubles.
     */
    @Test
    void confidencesOfOneCellShareEveryBucket() {
        List<Double> confidences = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            confidences.add(random.nextDouble());
        }
        for (int k = 1; k <= 100; k++) {
            for (int j = 0; j <= k; j++) {
                double boundary = (double) j / k;
                confidences.add(boundary);
                confidences.add(Math.max(0, Math.nextDown(boundary)));
                confidences.add(Math.min(1, Math.nextUp(boundary)));
            }
        }
        TreeMap<Double, Integer> cellOf = new TreeMap<>();
        jdbc.query("SELECT c, signal_confidence_cell(c) FROM unnest(?::float8[]) AS c",
                rs -> {
                    cellOf.put(rs.getDouble(1), rs.getInt(2));
                }, (Object) confidences.toArray(Double[]::new));
        assertThat(cellOf).hasSizeGreaterThan(20_000);
        Map<Integer, Double> representative = new TreeMap<>();
        int previousCell = -1;
        for (Map.Entry<Double, Integer> entry : cellOf.entrySet()) {
            assertThat(entry.getValue()).as("cell of " + entry.getKey()).isGreaterThanOrEqualTo(previousCell);
            previousCell = entry.getValue();
            double first = representative.computeIfAbsent(entry.getValue(), cell -> entry.getKey());
            for (int k = 1; k <= 100; k++) {
                assertThat(SignalEffectiveness.bucketOf(entry.getKey(), k))
                        .as("k = " + k + ": " + entry.getKey() + " and " + first + " share cell " + entry.getValue())
                        .isEqualTo(SignalEffectiveness.bucketOf(first, k));
            }
        }
        assertThat(representative).hasSizeGreaterThan(3000).hasSizeLessThanOrEqualTo(4951);
    }

    /**
     * The signals' own triggers upsert the cells with the statements {@code signal_score_cells_change} builds, written
     * into them as static SQL (changeset 0480): dynamic SQL would be planned again on every statement that writes a
     * judged signal. The agreement above is what shows the statements are the same.
     */
    @Test
    void theSignalsTriggersUpsertTheCellsWithoutDynamicSql() {
        for (String trigger : List.of("signal_score_cells_after_insert", "signal_score_cells_after_update",
                "signal_score_cells_after_delete")) {
            String body = jdbc.queryForObject("SELECT prosrc FROM pg_proc WHERE proname = ?", String.class, trigger);
            assertThat(body).as(trigger).contains("INSERT INTO signal_score_cells AS t").doesNotContain("EXECUTE");
        }
    }

    private void assertAgreement(String when) {
        int compared = 0;
        for (int buckets : BUCKET_COUNTS) {
            for (TradeTypeFilter tradeTypes : TradeTypeFilter.values()) {
                for (String type : new String[] {null, TYPES.get(0), TYPES.get(1)}) {
                    Map<String, SortedMap<Integer, SignalScore>> fromCells =
                            signals.scores(type, TimeWindow.ALL, buckets, tradeTypes);
                    Map<String, SortedMap<Integer, SignalScore>> fromSignals =
                            signals.scoresFromSignals(type, TimeWindow.ALL, buckets, tradeTypes);
                    assertThat(fromCells).as(when + ", " + buckets + " buckets, " + tradeTypes + ", type " + type)
                            .usingRecursiveComparison(tolerant()).isEqualTo(fromSignals);
                    compared += fromSignals.values().stream().mapToInt(Map::size).sum();
                }
            }
        }
        assertThat(compared).as(when + ": buckets compared").isGreaterThan(100);
    }

    /** A signal of the round: pending (round not logged yet) or judged against the round's crash multiplier. */
    private void signal(UUID round, boolean pending) {
        Map<String, Object> r = jdbc.queryForMap("""
                SELECT round_number, bot_id, session_id, game_name, platform_code, round_start_timestamp,
                       crash_multiplier_detected FROM crash_game_rounds WHERE id = ?""", round);
        double confidence = switch (random.nextInt(3)) {
            case 0 -> BOUNDARIES[random.nextInt(BOUNDARIES.length)];
            case 1 -> Math.round(random.nextDouble() * 10_000) / 10_000.0;
            default -> random.nextDouble();
        };
        BigDecimal target = multiplier();
        BigDecimal crash = (BigDecimal) r.get("crash_multiplier_detected");
        jdbc.update("""
                INSERT INTO analytics_round_signals (round_id, round_start_timestamp, round_number, bot_id, session_id,
                    game_name, platform_code, signal_type, client_signal_id, "timestamp", confidence_score,
                    predicted_multiplier, signal_correctness, actual_multiplier, prediction_error, content_fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'fixture')
                """, pending ? null : round, pending ? null : r.get("round_start_timestamp"), r.get("round_number"),
                r.get("bot_id"), r.get("session_id"), r.get("game_name"), r.get("platform_code"),
                TYPES.get(random.nextInt(TYPES.size())), UUID.randomUUID().toString(), r.get("round_start_timestamp"),
                confidence, target, pending ? null : (confidence >= 0.5) == (crash.compareTo(target) >= 0),
                pending ? null : crash, pending ? null : crash.subtract(target));
    }

    /** 1.00 to 10.99 with two decimals, now and then exactly 2. */
    private BigDecimal multiplier() {
        return random.nextInt(10) == 0 ? new BigDecimal("2.00") : BigDecimal.valueOf(100 + random.nextInt(1000), 2);
    }

    /** Counts and money by value, sums of doubles to 1e-9 relative. */
    private static RecursiveComparisonConfiguration tolerant() {
        return RecursiveComparisonConfiguration.builder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .withComparatorForType((Double a, Double b) ->
                        Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) ? 0 : Double.compare(a, b), Double.class)
                .build();
    }
}
