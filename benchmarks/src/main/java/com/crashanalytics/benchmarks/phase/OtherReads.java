package com.crashanalytics.benchmarks.phase;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.benchmarks.gateway.GatewayHttp;
import com.crashanalytics.benchmarks.measure.Alternation;
import com.crashanalytics.benchmarks.measure.Alternation.Contender;
import com.crashanalytics.benchmarks.measure.Latencies;
import com.crashanalytics.benchmarks.measure.Series;
import com.crashanalytics.benchmarks.report.JsonComparison;
import com.crashanalytics.benchmarks.report.Row;
import com.crashanalytics.simulator.history.FleetHistory;

/**
 * The reads no hand-written statement repeats, timed alone at each size of the generated history (a figure with no
 * baseline, p50 and p99 through GraphQL with a DASHBOARD key): the pages a dashboard turns (one bot's newest 100
 * rounds, 100 rounds after a cursor half-way through all rounds, the first 100 active sessions) and the analytics the
 * {@code analytics} phase does not compare with SQL (windows, several bots at once, returns on equity, signals,
 * equity curves, every strategy's whole performance, leaderboards, the Grafana time series). Windows end where the
 * generated history ends. A query that fails (e.g. the read statement timeout at 1M rounds) is noted as a failed
 * check and the others still run.
 */
public final class OtherReads {

    private static final String SECTION = "reads, no baseline";
    private static final String BOT = AnalyticsQueries.BOT;
    private static final String GAME = AnalyticsQueries.GAME;
    private static final String PLATFORM = AnalyticsQueries.PLATFORM;
    private static final String PERFORMANCE = AnalyticsQueries.PERFORMANCE;
    private static final String EQUITY = PERFORMANCE + " equitySharpeRatio equitySortinoRatio "
            + "dailySharpeRatio(annualised: true) timeWeightedReturnPercent maxDrawdownPercentOfEquity";
    private static final String POINTS = "time series rounds profitLoss cumulativeProfitLoss roundsPerMinute";

    private static final String NEWEST_ROUNDS = "one bot's newest 100 rounds";
    private static final String AFTER_A_CURSOR = "100 rounds after a cursor half-way";

    private final Bench bench;
    private final AnalyticsQueries analytics;

    /** Times its reads as {@code analytics} times its queries, on the history {@code analytics} grows. */
    public OtherReads(Bench bench, AnalyticsQueries analytics) {
        this.bench = bench;
        this.analytics = analytics;
    }

    public List<Row> measure(long size) throws Exception {
        GatewayHttp http = new GatewayHttp(bench.gateway().graphQl(), bench.admin().dashboardKey());
        List<Row> rows = new ArrayList<>();
        Map<String, Long> pageSizes = Map.of(
                NEWEST_ROUNDS, bench.database().count(
                        "SELECT least(100, count(*)) FROM crash_game_rounds WHERE bot_id = '" + BOT + "'"),
                AFTER_A_CURSOR, bench.database().count("SELECT least(100, count(*) - 1) FROM crash_game_rounds"
                        + " WHERE round_start_timestamp >= '" + medianStart() + "'"));
        for (Map.Entry<String, String> read : reads(http).entrySet()) {
            try {
                if (pageSizes.containsKey(read.getKey())) {
                    checkPage(size, http, read.getKey(), read.getValue(), pageSizes.get(read.getKey()));
                }
                rows.addAll(measure(size, http, read.getKey(), read.getValue()));
            } catch (Exception e) {
                bench.check("FAILED reads at " + DashboardQuery.sizeLabel(size) + ", " + read.getKey() + ": "
                        + e.getMessage().substring(0, Math.min(e.getMessage().length(), 400)));
            }
        }
        return rows;
    }

    /** Each read by name, as the JSON body of its request. */
    private Map<String, String> reads(GatewayHttp http) throws SQLException {
        // The generated history's end (the ingest phases log rounds days before today, far after it) and middle.
        Instant now = Instant.ofEpochMilli(bench.database().count("SELECT (extract(epoch FROM max(round_start_timestamp))"
                + " * 1000)::bigint FROM crash_game_rounds WHERE bot_id = '" + BOT + "'"));
        Instant median = medianStart();
        String halfWay = JsonComparison.parse(http.post(GatewayHttp.body(
                        "query($from: DateTime) { rounds(first: 1, filter: {from: $from}) { pageInfo { endCursor } } }",
                        Map.of("from", median.toString()))))
                .at("/data/rounds/pageInfo/endCursor").asString();
        String last24h = window(now, Duration.ofHours(24));
        String last7d = window(now, Duration.ofDays(7));
        String last6h = window(now, Duration.ofHours(6));
        StringBuilder tenBots = new StringBuilder("{");
        for (int i = 0; i < 10; i++) {
            tenBots.append(" b%d: bot(botId: \"%s\") { statistics { %s } }".formatted(i, FleetHistory.botId(i),
                    PERFORMANCE));
        }
        tenBots.append(" }");

        Map<String, String> reads = new LinkedHashMap<>();
        reads.put(NEWEST_ROUNDS, plain(
                "{ bot(botId: \"%s\") { rounds(first: 100, direction: DESC) { edges { node { id profitLoss } } } } }"
                        .formatted(BOT)));
        // A cursor belongs to the list it came from (its filter is pinned in it), so the page after it asks the same
        // filter: the rounds from the median on, continued after their first.
        reads.put(AFTER_A_CURSOR, GatewayHttp.body(
                "query($from: DateTime, $after: String) { rounds(first: 100, after: $after, filter: {from: $from}) "
                        + "{ edges { node { id profitLoss } } } }",
                Map.of("from", median.toString(), "after", halfWay)));
        reads.put("first 100 active sessions", plain(
                "{ sessions(first: 100, filter: {status: ACTIVE}) { edges { node { sessionId totals { currentBalance } } } } }"));
        reads.put("Bot.statistics, 1 bot, last 24 h", plain(
                "{ bot(botId: \"%s\") { statistics(window: %s) { %s } } }".formatted(BOT, last24h, PERFORMANCE)));
        reads.put("Bot.statistics, 10 bots (batched)", plain(tenBots.toString()));
        reads.put("Bot.statistics + equity returns, 1 bot, all time", plain(
                "{ bot(botId: \"%s\") { statistics { %s } } }".formatted(BOT, EQUITY)));
        reads.put("Bot.statistics + equity returns, 1 bot, last 24 h", plain(
                "{ bot(botId: \"%s\") { statistics(window: %s) { %s } } }".formatted(BOT, last24h, EQUITY)));
        reads.put("Bot.equityCurve DAY, 1 bot", plain(
                "{ bot(botId: \"%s\") { equityCurve(bucket: DAY) { periodStart profitLoss closingBalance } } }"
                        .formatted(BOT)));
        reads.put("strategies { performance }, all time (drawdowns and streaks too)", plain(
                "{ strategies { name performance { %s } } }".formatted(PERFORMANCE)));
        reads.put("strategies { performance }, last 24 h", plain(
                "{ strategies(window: %s) { name performance { %s } } }".formatted(last24h, PERFORMANCE)));
        reads.put("multiplierDistribution, " + GAME + "/" + PLATFORM + ", last 7 d", plain(
                "{ multiplierDistribution(game: \"%s\", platform: \"%s\", window: %s) { rounds median kolmogorovSmirnov { pValue } } }"
                        .formatted(GAME, PLATFORM, last7d)));
        reads.put("signalEffectiveness + RTP/x baseline, all time", plain(
                "{ signalEffectiveness { signalType overall { brierScore theoreticalBrierSkillScore profitPerUnitWhenActing } "
                        + "buckets { score { signals } } } }"));
        reads.put("signalEffectiveness, last 24 h", plain(
                "{ signalEffectiveness(window: %s) { signalType overall { brierScore } } }".formatted(last24h)));
        reads.put("leaderboard(ROI, first: 10), all time", plain(
                "{ leaderboard(metric: ROI, first: 10) { position botId value } }"));
        reads.put("leaderboard(ROI, first: 10), last 24 h", plain(
                "{ leaderboard(metric: ROI, first: 10, window: %s) { position botId value } }".formatted(last24h)));
        reads.put("timeSeries MINUTE by bot, last 6 h", plain(
                "{ timeSeries(window: %s, bucket: MINUTE, groupBy: BOT) { %s } }".formatted(last6h, POINTS)));
        reads.put("timeSeries MINUTE fleet, last 24 h", plain(
                "{ timeSeries(window: %s, bucket: MINUTE, groupBy: FLEET) { %s } }".formatted(last24h, POINTS)));
        reads.put("timeSeries HOUR by strategy + crashes, last 7 d", plain(
                "{ timeSeries(window: %s, bucket: HOUR, groupBy: STRATEGY) { %s averageCrashMultiplier highestCrashMultiplier } }"
                        .formatted(last7d, POINTS)));
        return reads;
    }

    /** Timing a page that came back empty would time nothing: each page must hold the rounds the database has. */
    private void checkPage(long size, GatewayHttp http, String name, String body, long expected) {
        int edges = JsonComparison.parse(http.post(body)).findPath("edges").size();
        String read = "reads at " + DashboardQuery.sizeLabel(size) + ", " + name + ": ";
        bench.check(edges == expected ? read + "the page holds the " + edges + " rounds the database has"
                : "FAILED " + read + "the page holds " + edges + " rounds, the database " + expected);
    }

    /** The middle of the history: the median start time of every round, to the millisecond. */
    private Instant medianStart() throws SQLException {
        return Instant.ofEpochMilli(bench.database().count("SELECT (extract(epoch FROM percentile_disc(0.5)"
                + " WITHIN GROUP (ORDER BY round_start_timestamp)) * 1000)::bigint FROM crash_game_rounds"));
    }

    private static String window(Instant end, Duration length) {
        return "{from: \"%s\", to: \"%s\"}".formatted(end.minus(length), end);
    }

    private static String plain(String document) {
        return GatewayHttp.body(document, Map.of());
    }

    private List<Row> measure(long size, GatewayHttp http, String name, String body) throws Exception {
        List<Contender> gatewayAlone = List.of(
                new Contender("gateway", trial -> () -> analytics.timed(() -> http.post(body))));
        Alternation.warmUp(gatewayAlone);
        bench.say("reads at " + DashboardQuery.sizeLabel(size) + ", " + name + ": " + bench.options().trials()
                + " trials");
        Series gateway = bench.alternation().run(bench.options().trials(), gatewayAlone).get("gateway");
        Latencies latencies = gateway.latencies();
        String benchmark = name + ", at " + DashboardQuery.sizeLabel(size) + " rounds";
        return List.of(
                Row.absolute(SECTION, benchmark, "p50 ms", latencies.millisAt(50))
                        .detail("gatewayLatencyMs", SingleRoundIngest.latencySummary(latencies))
                        .detail("gatewayCpuPerQuery", Bench.cpuPerOperation(gateway)),
                Row.absolute(SECTION, benchmark, "p99 ms", latencies.millisAt(99)));
    }
}
