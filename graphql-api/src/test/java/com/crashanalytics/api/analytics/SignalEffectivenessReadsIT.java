package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.util.List;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.StatementRecorder;
import com.crashanalytics.api.testing.StatementRecorder.Executed;
import com.crashanalytics.simulator.history.FleetHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What {@code signalEffectiveness} reads (issue 14), on {@link FleetHistory}'s fleet (an ML signal on half of the
 * rounds): over all time it reads the confidence cells kept by trigger ({@code signal_score_cells}, changelog 0414),
 * never {@code analytics_round_signals}; over a window it reads the signals. A window that holds every signal answers
 * exactly what all time answers, figure for figure, for several bucket counts and both trade types.
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
class SignalEffectivenessReadsIT {

    static final String FIGURES = """
            signalType expectedCalibrationError
            overall { signals hits truePositives falsePositives trueNegatives falseNegatives accuracy precision recall
                      meanConfidence brierScore theoreticalBrierScore profitPerUnitWhenActing theoreticalProfitPerUnit }
            buckets { index lower upper score { signals hits meanConfidence brierScore profitPerUnitWhenActing } }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;

    @BeforeEach
    void aFleet() throws Exception {
        client = new GraphQlClient(port);
        jdbc.queryForObject("SELECT prepare_round_partitions('2026-01-01')", Boolean.class);
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            new FleetHistory(connection).growTo(4_000);
        }
        jdbc.update("UPDATE bot_vm_registration SET trade_type = 'PAPER' WHERE bot_id IN "
                + "(SELECT bot_id FROM bot_vm_registration ORDER BY bot_id LIMIT 5)");
    }

    @Test
    void allTimeReadsTheCellsAndAgreesWithAWindowHoldingEverySignal() {
        for (int buckets : List.of(1, 7, 10, 100)) {
            for (String tradeType : List.of("LIVE", "PAPER", "ANY")) {
                StatementRecorder.INSTANCE.start(false);
                JsonNode allTime = ok(client.execute("{ signalEffectiveness(buckets: %d, tradeType: %s) { %s } }"
                        .formatted(buckets, tradeType, FIGURES))).data("signalEffectiveness");
                List<Executed> statements = StatementRecorder.INSTANCE.stop();
                assertThat(statements).as("all time").noneMatch(statement -> reads(statement, "analytics_round_signals"))
                        .anyMatch(statement -> reads(statement, "signal_score_cells"));

                StatementRecorder.INSTANCE.start(false);
                JsonNode everySignal = ok(client.execute("""
                        { signalEffectiveness(buckets: %d, tradeType: %s,
                                              window: {from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z"}) { %s } }
                        """.formatted(buckets, tradeType, FIGURES))).data("signalEffectiveness");
                assertThat(StatementRecorder.INSTANCE.stop()).as("a window")
                        .anyMatch(statement -> reads(statement, "analytics_round_signals"));

                assertThat(allTime.get(0).path("overall").path("signals").asLong()).isPositive();
                assertSameFigures(allTime, everySignal, buckets + " buckets, " + tradeType);
            }
        }
        long judged = jdbc.queryForObject("SELECT count(*) FROM analytics_round_signals WHERE signal_correctness IS NOT NULL",
                Long.class);
        JsonNode any = ok(client.execute("{ signalEffectiveness(tradeType: ANY) { overall { signals } } }"))
                .data("signalEffectiveness");
        long answered = 0;
        for (JsonNode type : any) {
            answered += type.path("overall").path("signals").asLong();
        }
        assertThat(answered).isEqualTo(judged).isPositive();
    }

    /**
     * The same answer: counts and decimals exactly, {@code Float} figures to 1e-9 relative (the cells sum the
     * confidences in another order than the signals' statement, so the last bits of a double may differ).
     */
    private static void assertSameFigures(JsonNode actual, JsonNode expected, String where) {
        if (expected.isFloatingPointNumber() && actual.isNumber()) {
            assertThat(actual.doubleValue()).as(where)
                    .isCloseTo(expected.doubleValue(), within(1e-9 * Math.max(1, Math.abs(expected.doubleValue()))));
        } else if (expected.isContainer()) {
            assertThat(actual.isContainer()).as(where).isTrue();
            assertThat(actual.propertyNames()).as(where).containsExactlyElementsOf(expected.propertyNames());
            assertThat(actual.size()).as(where).isEqualTo(expected.size());
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    assertSameFigures(actual.get(i), expected.get(i), where + "[" + i + "]");
                }
            } else {
                for (String name : expected.propertyNames()) {
                    assertSameFigures(actual.get(name), expected.get(name), where + "." + name);
                }
            }
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }

    private static boolean reads(Executed statement, String table) {
        return statement.sql() != null && statement.sql().contains(table);
    }
}
