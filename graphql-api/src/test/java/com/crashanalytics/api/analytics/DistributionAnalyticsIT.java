package com.crashanalytics.api.analytics;

import static com.crashanalytics.persistence.testing.AnalyticsFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.persistence.testing.AnalyticsFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Crash multiplier distribution, gaps between big multipliers, signal effectiveness, error counts and OCR quality
 * over HTTP, against fixtures worked out by hand.
 */
@GatewayIntegrationTest
class DistributionAnalyticsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;
    AnalyticsFixtures fixtures;

    @BeforeEach
    void fixtures() {
        client = new GraphQlClient(port);
        fixtures = new AnalyticsFixtures(jdbc)
                .platform("aviator", "spribe", "3")
                .platform("jetx", "smartsoft", "3")
                .bot("bot_a", "watcher").bot("bot_b", "watcher")
                .session("s_a", "bot_a", "aviator", "spribe", "watcher", "100")
                .session("s_b", "bot_b", "aviator", "spribe", "watcher", "100");
    }

    /**
     * Nine game rounds in play order, crashes 12, 1.5, 2, 15, 1, 1, 1.3, 10, 3 (external ids g1..g9). bot_b watched g4
     * and g8 too, a minute later, and misread g8 as 10.01: each game round counts once, by its earliest observation.
     * A tenth round without a crash multiplier (an ERROR) is not counted.
     */
    private void nineGameRounds() {
        String[] crashes = {"12", "1.5", "2", "15", "1", "1", "1.3", "10", "3"};
        for (int i = 0; i < crashes.length; i++) {
            fixtures.crash("s_a", minute(i), crashes[i], "g" + (i + 1));
        }
        fixtures.crash("s_b", minute(4), "15", "g4");
        fixtures.crash("s_b", minute(8), "10.01", "g8");
        fixtures.round("s_a", minute(9), RoundOutcome.ERROR, "0", "0", null, null, "g10");
    }

    @Test
    void distributionOfDeduplicatedGameRounds() {
        nineGameRounds();

        GraphQlResponse response = client.execute("""
                { multiplierDistribution(game: "aviator", platform: "spribe", edges: [2, 10], percentiles: [0.5, 0.9]) {
                    game platform houseEdgePercent returnToPlayer rounds mean median instantCrashes instantCrashShare
                    expectedInstantCrashShare
                    buckets { lower upper count share expectedShare expectedCount }
                    survival { multiplier observed theoretical }
                    percentiles { fraction value }
                    chiSquare { statistic degreesOfFreedom pValue approximationSound }
                    kolmogorovSmirnov { statistic pValue } } }
                """);

        JsonNode distribution = response.data("multiplierDistribution");
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        // sorted: 1, 1, 1.3, 1.5, 2, 3, 10, 12, 15 (n = 9)
        assertThat(distribution.path("rounds").asInt()).isEqualTo(9);
        assertThat(distribution.path("returnToPlayer").decimalValue()).isEqualByComparingTo("0.97");
        // mean (1 + 1 + 1.3 + 1.5 + 2 + 3 + 10 + 12 + 15) / 9 = 46.8 / 9 = 5.2
        assertThat(distribution.path("mean").decimalValue()).isEqualByComparingTo("5.2");
        // median: h = 0.5 × 8 = 4 → x₄ = 2; p90: h = 0.9 × 8 = 7.2 → 12 + 0.2 × (15 − 12) = 12.6
        assertThat(distribution.path("median").decimalValue()).isEqualByComparingTo("2");
        assertThat(distribution.path("percentiles").get(1).path("value").decimalValue()).isEqualByComparingTo("12.6");
        // 1.00x twice: 2 / 9 = 0.222222; a fair game shows 1 − 0.97 / 1.01 = 0.0396039…
        assertThat(distribution.path("instantCrashes").asInt()).isEqualTo(2);
        assertThat(distribution.path("instantCrashShare").decimalValue()).isEqualByComparingTo("0.222222");
        assertThat(distribution.path("expectedInstantCrashShare").asDouble()).isCloseTo(1 - 0.97 / 1.01, within(1e-12));
        // [1, 2): 1, 1, 1.3, 1.5 → 4 (expected share 1 − 0.485 = 0.515); [2, 10): 2, 3 → 2 (0.485 − 0.097 = 0.388);
        // [10, ∞): 10, 12, 15 → 3 (0.097)
        JsonNode buckets = distribution.path("buckets");
        assertThat(buckets).hasSize(3);
        assertThat(buckets.get(0).path("count").asInt()).isEqualTo(4);
        assertThat(buckets.get(0).path("share").decimalValue()).isEqualByComparingTo("0.444444");
        assertThat(buckets.get(0).path("expectedShare").asDouble()).isCloseTo(0.515, within(1e-12));
        assertThat(buckets.get(1).path("count").asInt()).isEqualTo(2);
        assertThat(buckets.get(1).path("expectedCount").asDouble()).isCloseTo(9 * 0.388, within(1e-12));
        assertThat(buckets.get(2).path("count").asInt()).isEqualTo(3);
        assertThat(buckets.get(2).path("upper").isNull()).isTrue();
        // P(crash ≥ 2) = 5 / 9 = 0.555556 next to 0.485; P(≥ 10) = 3 / 9 = 0.333333 next to 0.097
        assertThat(distribution.path("survival").get(1).path("observed").decimalValue()).isEqualByComparingTo("0.555556");
        assertThat(distribution.path("survival").get(2).path("theoretical").asDouble()).isCloseTo(0.097, within(1e-12));
        // χ² = (4 − 4.635)² / 4.635 + (2 − 3.492)² / 3.492 + (3 − 0.873)² / 0.873 = 0.08700 + 0.63748 + 5.18228 = 5.90675
        assertThat(distribution.path("chiSquare").path("statistic").asDouble()).isCloseTo(5.90675, within(1e-4));
        assertThat(distribution.path("chiSquare").path("degreesOfFreedom").asInt()).isEqualTo(2);
        assertThat(distribution.path("chiSquare").path("approximationSound").asBoolean()).isFalse();
        // KS: at 1.00, Fₙ = 2/9 = 0.2222 against F(1) = 1 − 0.97 / 1.01 = 0.0396: D ≥ 0.1826; the largest gap is at
        // 1.5: Fₙ = 4/9 = 0.4444 against F(1.5) = 1 − 0.97 / 1.51 = 0.3576, …; checked against the domain in the agreement test
        assertThat(distribution.path("kolmogorovSmirnov").path("statistic").asDouble()).isGreaterThanOrEqualTo(0.1826);
    }

    @Test
    void anEmptyDistributionAndAnUnknownPlatform() {
        GraphQlResponse empty = client.execute("""
                { multiplierDistribution(game: "jetx", platform: "smartsoft") { rounds mean instantCrashShare chiSquare { pValue }
                    buckets { count share } } }
                """);
        GraphQlResponse unknown = client.execute("""
                { multiplierDistribution(game: "aviator", platform: "nowhere") { rounds } }
                """);
        GraphQlResponse badEdges = client.execute("""
                { multiplierDistribution(game: "aviator", platform: "spribe", edges: [2, 1.5]) { rounds } }
                """);

        assertThat(empty.data("multiplierDistribution.rounds").asInt()).isZero();
        assertThat(empty.data("multiplierDistribution.mean").isNull()).isTrue();
        assertThat(empty.data("multiplierDistribution.chiSquare").isNull()).isTrue();
        assertThat(empty.data("multiplierDistribution.buckets").get(0).path("share").isNull()).isTrue();
        assertThat(unknown.errors().get(0).path("extensions").path("classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(unknown.errors().get(0).path("extensions").path("field").asString()).isEqualTo("platform");
        assertThat(badEdges.errors().get(0).path("extensions").path("field").asString()).isEqualTo("edges[1]");
        assertThat(badEdges.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("ASCENDING");
    }

    @Test
    void aWindowAcrossDaysIsExactAtBothEdges() {
        // one game round late on Mar 2, one on Mar 3 (a whole day inside the window), one early on Mar 4
        fixtures.crash("s_a", Instant.parse("2026-03-02T23:00:00Z"), "2", "d1");
        fixtures.crash("s_a", Instant.parse("2026-03-03T10:00:00Z"), "3", "d2");
        fixtures.crash("s_a", Instant.parse("2026-03-04T01:00:00Z"), "5", "d3");
        String document = """
                query($window: TimeWindow) { multiplierDistribution(game: "aviator", platform: "spribe", window: $window) { rounds mean } }
                """;

        JsonNode all = client.execute(document, Map.of("window", Map.of(
                "from", "2026-03-02T22:00:00Z", "to", "2026-03-04T02:00:00Z"))).data("multiplierDistribution");
        JsonNode cut = client.execute(document, Map.of("window", Map.of(
                "from", "2026-03-02T23:00:01Z", "to", "2026-03-04T01:00:00Z"))).data("multiplierDistribution");
        JsonNode sameDay = client.execute(document, Map.of("window", Map.of(
                "from", "2026-03-03T09:00:00Z", "to", "2026-03-03T11:00:00Z"))).data("multiplierDistribution");

        assertThat(all.path("rounds").asInt()).isEqualTo(3);
        assertThat(all.path("mean").decimalValue()).isEqualByComparingTo("3.333333"); // 10 / 3
        assertThat(cut.path("rounds").asInt()).isEqualTo(1);                          // only d2: 23:00 and 01:00 are out
        assertThat(cut.path("mean").decimalValue()).isEqualByComparingTo("3");
        assertThat(sameDay.path("rounds").asInt()).isEqualTo(1);
    }

    @Test
    void gapsBetweenBigMultipliers() {
        nineGameRounds();

        GraphQlResponse response = client.execute("""
                { streaks(game: "aviator", platform: "spribe") { threshold rounds hits hitRate expectedHitRate currentGap
                    currentGapProbability longestGap meanGap expectedMeanGap histogram { fromLength toLength observed expected } } }
                """);

        JsonNode streaks = response.data("streaks");
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        // crashes 12, 1.5, 2, 15, 1, 1, 1.3, 10, 3: hits (≥ 10) at positions 0, 3, 7; gaps 3 and 4
        assertThat(streaks.path("threshold").decimalValue()).isEqualByComparingTo("10");
        assertThat(streaks.path("rounds").asInt()).isEqualTo(9);
        assertThat(streaks.path("hits").asInt()).isEqualTo(3);
        assertThat(streaks.path("hitRate").decimalValue()).isEqualByComparingTo("0.333333");
        assertThat(streaks.path("expectedHitRate").asDouble()).isCloseTo(0.097, within(1e-12));
        assertThat(streaks.path("currentGap").asInt()).isEqualTo(1);          // 9 − 1 − 7: the 3.00x since
        assertThat(streaks.path("currentGapProbability").asDouble()).isCloseTo(0.903, within(1e-12));
        assertThat(streaks.path("longestGap").asInt()).isEqualTo(4);
        assertThat(streaks.path("meanGap").decimalValue()).isEqualByComparingTo("3.5"); // (7 − 0) / 2
        assertThat(streaks.path("expectedMeanGap").asDouble()).isCloseTo(1 / 0.097, within(1e-9));
        // lengths 1, 2, 3, 4 observed 0, 0, 1, 1; then the tail from 5; expected 2 × 0.903² × 0.097 for length 3
        JsonNode histogram = streaks.path("histogram");
        assertThat(histogram).hasSize(5);
        assertThat(histogram.get(2).path("observed").asInt()).isEqualTo(1);
        assertThat(histogram.get(2).path("expected").asDouble()).isCloseTo(2 * 0.903 * 0.903 * 0.097, within(1e-12));
        assertThat(histogram.get(4).path("toLength").isNull()).isTrue();
        assertThat(histogram.get(4).path("expected").asDouble()).isCloseTo(2 * Math.pow(0.903, 4), within(1e-12));
    }

    @Test
    void aThresholdOfOneIsRefused() {
        GraphQlResponse response = client.execute("""
                { streaks(game: "aviator", platform: "spribe", threshold: 1) { hits } }
                """);

        assertThat(response.errors().get(0).path("extensions").path("field").asString()).isEqualTo("threshold");
        assertThat(response.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("ABOVE_ONE");
    }

    @Test
    void signalEffectivenessAgainstTheBaseRate() {
        UUID round = fixtures.crash("s_a", minute(1), "2.5", "x1");
        // confidence / reached: 0.9 yes, 0.8 no, 0.3 no, 0.55 yes; and one pending (unknown) that does not count
        fixtures.signal(round, "ml_v1", 0.9, true, minute(1));
        fixtures.signal(round, "ml_v1", 0.8, false, minute(1));
        fixtures.signal(round, "ml_v1", 0.3, false, minute(1));
        fixtures.signal(round, "ml_v1", 0.55, true, minute(1));
        fixtures.signal(round, "ml_v1", 0.7, null, minute(1));
        fixtures.signal(round, "pattern", 0.6, true, minute(1));

        GraphQlResponse response = client.execute("""
                { signalEffectiveness(signalType: "ml_v1", buckets: 2) { signalType expectedCalibrationError
                    overall { signals hits truePositives falsePositives trueNegatives falseNegatives accuracy precision recall
                              hitRate baselineAccuracy meanConfidence brierScore baselineBrierScore brierSkillScore }
                    buckets { index lower upper calibrationGap score { signals hits } } } }
                """);

        JsonNode effectiveness = response.data("signalEffectiveness");
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(effectiveness).hasSize(1);
        JsonNode overall = effectiveness.get(0).path("overall");
        assertThat(overall.path("signals").asInt()).isEqualTo(4);
        assertThat(overall.path("hits").asInt()).isEqualTo(2);
        assertThat(overall.path("truePositives").asInt()).isEqualTo(2);   // 0.9, 0.55
        assertThat(overall.path("falsePositives").asInt()).isEqualTo(1);  // 0.8
        assertThat(overall.path("trueNegatives").asInt()).isEqualTo(1);   // 0.3
        assertThat(overall.path("falseNegatives").asInt()).isZero();
        assertThat(overall.path("accuracy").decimalValue()).isEqualByComparingTo("0.75");       // 3 / 4
        assertThat(overall.path("precision").decimalValue()).isEqualByComparingTo("0.666667");  // 2 / 3
        assertThat(overall.path("recall").decimalValue()).isEqualByComparingTo("1");
        // Brier (0.1² + 0.8² + 0.3² + 0.45²) / 4 = 0.9425 / 4 = 0.235625; base rate 0.5 → 0.25; skill 1 − 0.235625/0.25
        assertThat(overall.path("brierScore").asDouble()).isCloseTo(0.235625, within(1e-12));
        assertThat(overall.path("baselineBrierScore").asDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(overall.path("brierSkillScore").asDouble()).isCloseTo(0.0575, within(1e-12));
        assertThat(overall.path("meanConfidence").asDouble()).isCloseTo(0.6375, within(1e-12)); // 2.55 / 4
        // bucket 0 [0, 0.5): 0.3 (miss); bucket 1 [0.5, 1]: 0.9, 0.8, 0.55 with 2 hits, gap 0.75 − 0.666667
        JsonNode buckets = effectiveness.get(0).path("buckets");
        assertThat(buckets).hasSize(2);
        assertThat(buckets.get(0).path("score").path("signals").asInt()).isEqualTo(1);
        assertThat(buckets.get(1).path("score").path("hits").asInt()).isEqualTo(2);
        assertThat(buckets.get(1).path("calibrationGap").asDouble()).isCloseTo(0.75 - 2.0 / 3, within(1e-12));
        // ECE = 1/4 × |0.3 − 0| + 3/4 × |0.75 − 2/3| = 0.075 + 0.0625 = 0.1375
        assertThat(effectiveness.get(0).path("expectedCalibrationError").asDouble()).isCloseTo(0.1375, within(1e-12));

        JsonNode everyType = client.execute("{ signalEffectiveness { signalType } }").data("signalEffectiveness");
        assertThat(everyType).extracting(node -> node.path("signalType").asString()).containsExactly("ml_v1", "pattern");
        GraphQlResponse badBuckets = client.execute("{ signalEffectiveness(buckets: 0) { signalType } }");
        assertThat(badBuckets.errors().get(0).path("extensions").path("field").asString()).isEqualTo("buckets");
    }

    @Test
    void errorCountsAndOcrQuality() {
        fixtures.error("bot_a", "s_a", "OCR_FAILURE", "ERROR", minute(1));
        fixtures.error("bot_a", "s_a", "OCR_FAILURE", "CRITICAL", minute(2));
        fixtures.error("bot_b", null, "OCR_FAILURE", "WARNING", minute(3));
        fixtures.error("bot_b", "s_b", "NETWORK", "ERROR", minute(4));
        fixtures.error("bot_b", "s_b", "NETWORK", "ERROR", minute(90));
        fixtures.ocr("bot_a", "VALID", 0.9, minute(1));
        fixtures.ocr("bot_a", "VALID", 0.8, minute(2));
        fixtures.ocr("bot_a", "INVALID", 0.4, minute(3));
        fixtures.ocr("bot_a", "UNREADABLE", null, minute(4));
        fixtures.ocr("bot_b", "CORRECTED", 0.6, minute(5));

        GraphQlResponse response = client.execute("""
                query($window: TimeWindow) {
                  errorSummary(window: $window) { errorType errors critical bots sessions firstSeenAt lastSeenAt }
                  ocrQuality(window: $window) { botId reads valid corrected invalid unreadable validShare usableShare meanConfidence } }
                """, Map.of("window", Map.of("to", minute(60).toEpochMilli())));

        // before minute 60: OCR_FAILURE 3 (1 critical, bots a and b, one session), NETWORK 1
        JsonNode errors = response.data("errorSummary");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).path("errorType").asString()).isEqualTo("OCR_FAILURE");
        assertThat(errors.get(0).path("errors").asInt()).isEqualTo(3);
        assertThat(errors.get(0).path("critical").asInt()).isEqualTo(1);
        assertThat(errors.get(0).path("bots").asInt()).isEqualTo(2);
        assertThat(errors.get(0).path("sessions").asInt()).isEqualTo(1);
        assertThat(errors.get(1).path("errors").asInt()).isEqualTo(1);
        // bot_a: 4 reads, 2 valid: 0.5; mean confidence (0.9 + 0.8 + 0.4) / 3 = 0.7 (the unreadable one has none)
        JsonNode ocr = response.data("ocrQuality");
        assertThat(ocr.get(0).path("botId").asString()).isEqualTo("bot_a");
        assertThat(ocr.get(0).path("validShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(ocr.get(0).path("meanConfidence").asDouble()).isCloseTo(0.7, within(1e-12));
        // bot_b: one corrected read: valid share 0, usable share 1
        assertThat(ocr.get(1).path("validShare").decimalValue()).isEqualByComparingTo("0");
        assertThat(ocr.get(1).path("usableShare").decimalValue()).isEqualByComparingTo("1");
    }
}
