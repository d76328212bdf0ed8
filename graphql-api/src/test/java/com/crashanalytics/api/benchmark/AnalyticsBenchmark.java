package com.crashanalytics.api.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.crashanalytics.api.GatewayApplication;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.persistence.testing.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Latency of the analytics queries through GraphQL over HTTP, on 100,000 and then 1,000,000 generated rounds in a
 * fresh embedded PostgreSQL. Prints a table: p50 and p95 of warm runs at each size, and how p50 grew. A program,
 * not a test: it asserts nothing about time.
 * <p>
 * Run it with:
 * <pre>
 * mvn -q -pl graphql-api -am verify -DskipTests -Panalytics-benchmark [-Danalytics.sizes="100000 1000000 30"]
 * </pre>
 * Arguments: the round counts to measure at, ascending, and the measured runs per query (default 30, after 3 warm-up
 * runs; a query that takes long stops after 15 s of measured runs, at least 5).
 */
public final class AnalyticsBenchmark {

    private static final int WARM_UP = 3;
    private static final Duration BUDGET = Duration.ofSeconds(15);

    private AnalyticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = new ArrayList<>();
        int runs = 30;
        for (String arg : args) {
            sizes.add(Long.parseLong(arg));
        }
        if (sizes.size() >= 2 && sizes.get(sizes.size() - 1) < sizes.get(sizes.size() - 2)) {
            runs = sizes.remove(sizes.size() - 1).intValue();
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100_000L, 1_000_000L);
        }
        TestPostgres postgres = TestPostgres.get();
        String url = postgres.createDatabase("analytics_benchmark");
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .properties(Map.of(
                        "spring.datasource.url", url,
                        "spring.datasource.username", postgres.username(),
                        "spring.datasource.password", postgres.password(),
                        "server.port", "0",
                        "gateway.admin-key", TestApiKeys.ADMIN,
                        "gateway.rate-limit.admin", "1000000/1s",
                        "logging.level.root", "WARN"))
                // Measure the slow queries too, rather than have PostgreSQL cancel them after 5 s (an argument:
                // the properties above are defaults, which application.yaml's 5 s would override).
                .run("--gateway.read-statement-timeout=0");
             Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            GraphQlClient client = new GraphQlClient(port);
            RoundDataGenerator generator = new RoundDataGenerator(connection);
            Map<String, Map<Long, double[]>> results = new LinkedHashMap<>();
            long loaded = 0;
            for (long size : sizes) {
                long started = System.nanoTime();
                generator.generate(size - loaded);
                generator.analyze();
                loaded = size;
                System.out.printf(Locale.ROOT, "Loaded %,d rounds (%s of play) in %.1f s%n", size,
                        Duration.between(RoundDataGenerator.START, generator.now()), (System.nanoTime() - started) / 1e9);
                if (Boolean.getBoolean("benchmark.hold")) {
                    // Leave the data to look at (EXPLAIN ANALYZE with psql) before measuring.
                    System.out.println("Holding for 20 minutes: " + url);
                    Thread.sleep(Duration.ofMinutes(20).toMillis());
                }
                for (Map.Entry<String, String> query : queries(generator.now()).entrySet()) {
                    results.computeIfAbsent(query.getKey(), name -> new LinkedHashMap<>())
                            .put(size, measure(client, query.getValue(), runs));
                }
            }
            print(results, sizes, runs);
        }
        System.exit(0);
    }

    /** The dashboard queries; windows end at the data's "now". */
    private static Map<String, String> queries(Instant now) {
        String last24h = "{from: \"%s\", to: \"%s\"}".formatted(now.minus(Duration.ofHours(24)), now);
        String last7d = "{from: \"%s\", to: \"%s\"}".formatted(now.minus(Duration.ofDays(7)), now);
        String performance = "rounds winRate roiPercent profitFactor sharpeRatio sortinoRatio longestWinStreak "
                + "longestLossStreak maxDrawdown { amount percentOfPeak troughAt } currentDrawdown { amount }";
        StringBuilder tenBots = new StringBuilder("{");
        for (int i = 0; i < 10; i++) {
            tenBots.append(" b").append(i).append(": bot(botId: \"bot_%02d\") { statistics { %s } }".formatted(i, performance));
        }
        tenBots.append(" }");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("Bot.statistics, 1 bot, all time", "{ bot(botId: \"bot_07\") { statistics { %s } } }".formatted(performance));
        queries.put("Bot.statistics, 1 bot, last 24 h",
                "{ bot(botId: \"bot_07\") { statistics(window: %s) { %s } } }".formatted(last24h, performance));
        queries.put("Bot.statistics, 10 bots (batched)", tenBots.toString());
        // the returns on equity: every round of the bot's sessions, their equity and capital events, on top
        String equity = performance + " equitySharpeRatio equitySortinoRatio dailySharpeRatio(annualised: true) "
                + "timeWeightedReturnPercent maxDrawdownPercentOfEquity";
        queries.put("Bot.statistics + equity returns, 1 bot, all time",
                "{ bot(botId: \"bot_07\") { statistics { %s } } }".formatted(equity));
        queries.put("Bot.statistics + equity returns, 1 bot, last 24 h",
                "{ bot(botId: \"bot_07\") { statistics(window: %s) { %s } } }".formatted(last24h, equity));
        queries.put("signalEffectiveness + RTP/x baseline, all time",
                "{ signalEffectiveness { signalType overall { brierScore theoreticalBrierSkillScore profitPerUnitWhenActing } } }");
        queries.put("Bot.equityCurve DAY, 1 bot", "{ bot(botId: \"bot_07\") { equityCurve(bucket: DAY) { periodStart profitLoss closingBalance } } }");
        queries.put("strategies { performance }, all time", "{ strategies { name performance { %s } } }".formatted(performance));
        queries.put("strategies { performance }, last 24 h",
                "{ strategies(window: %s) { name performance { %s } } }".formatted(last24h, performance));
        queries.put("strategies { performance totals }, all time",
                "{ strategies { name performance { rounds winRate roiPercent profitFactor sharpeRatio } } }");
        queries.put("multiplierDistribution, all time",
                "{ multiplierDistribution(game: \"aviator\", platform: \"spribe\") { rounds median chiSquare { pValue } kolmogorovSmirnov { pValue } buckets { count } } }");
        queries.put("multiplierDistribution, last 7 d",
                "{ multiplierDistribution(game: \"aviator\", platform: \"spribe\", window: %s) { rounds median kolmogorovSmirnov { pValue } } }".formatted(last7d));
        queries.put("streaks(threshold: 10), all time",
                "{ streaks(game: \"aviator\", platform: \"spribe\") { hits currentGap longestGap meanGap histogram { observed } } }");
        queries.put("signalEffectiveness, all time",
                "{ signalEffectiveness { signalType overall { brierScore accuracy } buckets { score { signals } } } }");
        queries.put("signalEffectiveness, last 24 h",
                "{ signalEffectiveness(window: %s) { signalType overall { brierScore } } }".formatted(last24h));
        queries.put("leaderboard(ROI, first: 10), all time",
                "{ leaderboard(metric: ROI, first: 10) { position botId value } }");
        queries.put("leaderboard(ROI, first: 10), last 24 h",
                "{ leaderboard(metric: ROI, first: 10, window: %s) { position botId value } }".formatted(last24h));
        // the Grafana dashboard's time series (clients/grafana): flat rows per bucket and series
        String last6h = "{from: \"%s\", to: \"%s\"}".formatted(now.minus(Duration.ofHours(6)), now);
        String points = "time series rounds profitLoss cumulativeProfitLoss roundsPerMinute";
        String crashes = points + " averageCrashMultiplier highestCrashMultiplier";
        queries.put("timeSeries MINUTE by bot, last 6 h",
                "{ timeSeries(window: %s, bucket: MINUTE, groupBy: BOT) { %s } }".formatted(last6h, points));
        queries.put("timeSeries MINUTE fleet, last 24 h",
                "{ timeSeries(window: %s, bucket: MINUTE, groupBy: FLEET) { %s } }".formatted(last24h, points));
        queries.put("timeSeries HOUR by strategy, last 7 d",
                "{ timeSeries(window: %s, bucket: HOUR, groupBy: STRATEGY) { %s } }".formatted(last7d, points));
        queries.put("timeSeries HOUR by strategy + crashes, last 7 d",
                "{ timeSeries(window: %s, bucket: HOUR, groupBy: STRATEGY) { %s } }".formatted(last7d, crashes));
        // -Dbenchmark.jvmArg=-Danalytics.only=timeSeries measures only the queries whose name holds that text
        String only = System.getProperty("analytics.only");
        if (only != null) {
            queries.keySet().removeIf(name -> !name.contains(only));
        }
        return queries;
    }

    /** Milliseconds of each measured run, sorted; a slow query stops after {@link #BUDGET} (at least 5 runs). */
    private static double[] measure(GraphQlClient client, String document, int runs) {
        double[] millis = new double[runs];
        long budgetEnds = Long.MAX_VALUE;
        int done = 0;
        for (int i = -WARM_UP; i < runs; i++) {
            if (i == 0) {
                budgetEnds = System.nanoTime() + BUDGET.toNanos();
            } else if (i >= 5 && System.nanoTime() > budgetEnds) {
                break;
            }
            long started = System.nanoTime();
            GraphQlResponse response = client.execute(document);
            double elapsed = (System.nanoTime() - started) / 1e6;
            if (response.status() != 200 || response.hasErrors()) {
                throw new IllegalStateException("query failed: " + response.body());
            }
            if (i >= 0) {
                millis[i] = elapsed;
                done = i + 1;
            }
        }
        double[] measured = java.util.Arrays.copyOf(millis, done);
        java.util.Arrays.sort(measured);
        return measured;
    }

    private static double percentile(double[] sorted, double fraction) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
    }

    private static void print(Map<String, Map<Long, double[]>> results, List<Long> sizes, int runs) {
        StringBuilder header = new StringBuilder("%-44s".formatted("query (ms, " + runs + " warm runs)"));
        for (long size : sizes) {
            header.append(String.format(Locale.ROOT, " | %,11d p50   p95", size));
        }
        header.append(" | p50 growth");
        System.out.println();
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        results.forEach((query, bySize) -> {
            StringBuilder line = new StringBuilder("%-44s".formatted(query));
            for (long size : sizes) {
                double[] millis = bySize.get(size);
                line.append(String.format(Locale.ROOT, " | %15.1f %5.1f", percentile(millis, 0.5), percentile(millis, 0.95)));
            }
            double first = percentile(bySize.get(sizes.get(0)), 0.5);
            double last = percentile(bySize.get(sizes.get(sizes.size() - 1)), 0.5);
            line.append(String.format(Locale.ROOT, " | x%.2f", last / first));
            System.out.println(line);
        });
    }
}
