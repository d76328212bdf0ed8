package com.crashanalytics.api.security.access;

import static com.crashanalytics.api.security.access.AccessPolicy.adminOnly;
import static com.crashanalytics.api.security.access.AccessPolicy.allBotsRead;
import static com.crashanalytics.api.security.access.AccessPolicy.botRead;
import static com.crashanalytics.api.security.access.AccessPolicy.botWrite;
import static com.crashanalytics.api.security.access.AccessPolicy.gameWrite;
import static com.crashanalytics.api.security.access.AccessPolicy.sharedRead;
import static com.crashanalytics.api.security.access.BotScope.botIdAt;
import static com.crashanalytics.api.security.access.BotScope.filteredByResolver;
import static com.crashanalytics.api.security.access.BotScope.ownerOf;

import com.crashanalytics.domain.access.OwnedResource;

/**
 * Who may call what: one line per root field of schema.graphqls. Adding an operation to the schema without a
 * line here leaves it denied to every key and fails {@code AccessPolicyCoverageTest}.
 *
 * <ul>
 *   <li>{@code botWrite(scope)}: ADMIN, and BOT keys for their own bots (DASHBOARD is read-only).</li>
 *   <li>{@code botRead(scope)}: ADMIN and DASHBOARD for every bot, BOT keys for their own bots (PREDICTOR: none).</li>
 *   <li>{@code allBotsRead()}: ADMIN and DASHBOARD only (cross-bot views that cannot be narrowed to one bot).</li>
 *   <li>{@code gameWrite()}: ADMIN, PREDICTOR and every BOT key (writes about a game, not a bot: predictions).</li>
 *   <li>{@code sharedRead()}: every role (reference data that belongs to no bot, e.g. platforms).</li>
 *   <li>{@code adminOnly()}: ADMIN only (keys, platform configuration, retention, the audit trail).</li>
 * </ul>
 * The scope says where the request names its bot: {@code botIdAt("input.botId")},
 * {@code botIdAt("input.rounds[].botId")}, {@code ownerOf(OwnedResource.SESSION, "input.sessionId")} (the
 * session's bot), or {@code filteredByResolver()} (the resolver narrows the answer to the caller's bots).
 *
 * <p>Nested fields take their root's decision: below a root open to BOT keys every type holds the key's bots' data
 * ({@code Bot.statistics}, {@code Session.summary}, ...), and types whose answers span bots ({@code Strategy} with its
 * {@code performance}, {@code bots} and {@code sessions}, leaderboards, distributions) hang only under
 * {@code allBotsRead()} roots; {@code CrossBotTypesTest} fails the build when a new field breaks that.
 *
 * <p>Writes that name a session or a round name their bot too ({@code input.botId}), and the domain refuses a
 * session or round that is not that bot's; so holding {@code input.botId} to the key is enough for them.
 */
public final class GatewayAccessPolicies {

    private GatewayAccessPolicies() {
    }

    public static AccessPolicies declared() {
        return AccessPolicies.builder()
                // Bots and platforms
                .query("bot", botRead(botIdAt("botId")))
                .mutation("registerBot", botWrite(botIdAt("input.botId")))
                .query("platforms", sharedRead())
                .mutation("configurePlatform", adminOnly()) // a platform's house edge is every bot's baseline
                .query("exchangeRates", allBotsRead()) // what convertTo multiplies money by
                .mutation("setExchangeRate", adminOnly())
                // Sessions
                .query("session", botRead(ownerOf(OwnedResource.SESSION, "sessionId")))
                .mutation("startSession", botWrite(botIdAt("input.botId")))
                .mutation("heartbeat", botWrite(botIdAt("input.botId")))
                .mutation("endSession", botWrite(botIdAt("input.botId")))
                .query("resume", botRead(botIdAt("botId"))) // restart recovery: a bot asks about itself
                // Rounds and what bots observe in them
                .query("round", botRead(ownerOf(OwnedResource.ROUND, "id")))
                .mutation("logRound", botWrite(botIdAt("input.botId")))
                .mutation("logRounds", botWrite(botIdAt("input.rounds[].botId")))
                .mutation("logMultiplier", botWrite(botIdAt("input.botId")))
                .mutation("logSignal", botWrite(botIdAt("input.botId")))
                .mutation("logError", botWrite(botIdAt("input.botId")))
                .mutation("logCapitalEvent", botWrite(botIdAt("input.botId")))
                .mutation("logOcrValidation", botWrite(botIdAt("input.botId")))
                // Lists across bots (a BOT key's answer holds its own bots' rows only: see VisibleBots)
                .query("bots", botRead(filteredByResolver()))
                .query("sessions", botRead(filteredByResolver()))
                .query("rounds", botRead(filteredByResolver()))
                .query("errors", botRead(filteredByResolver()))
                .query("timeSeries", botRead(filteredByResolver())) // Grafana: a BOT key plots its own bots
                // Analytics: views across bots (strategies, games, platforms, leaderboards, data quality)
                .query("strategy", allBotsRead())
                .query("strategies", allBotsRead())
                .query("gameStatistics", allBotsRead())
                .query("multiplierDistribution", allBotsRead())
                .query("streaks", allBotsRead())
                .query("signalEffectiveness", allBotsRead())
                .query("leaderboard", allBotsRead())
                .query("errorSummary", allBotsRead())
                .query("ocrQuality", allBotsRead())
                // Insights (a strategy's answer spans bots, so the bot form needs the same read-all access)
                .query("luckOrEdge", allBotsRead())
                .query("riskOfRuin", botRead(botIdAt("botId"))) // one bot's own risk: its key may ask
                .query("platformIntegrity", allBotsRead())
                .query("strategyReplay", allBotsRead()) // the live side spans every bot filed under the strategy
                // Data lifecycle: the database's size and retention
                .query("databaseSize", adminOnly())
                .mutation("cleanupOldRecords", adminOnly())
                // Predictions: about games, no bot's data; PREDICTOR keys and the bots' own keys log them
                .mutation("logPrediction", gameWrite())
                .query("predictions", sharedRead())
                .query("predictionPerformance", sharedRead())
                .subscription("predictionMade", sharedRead())
                .subscription("predictionJudged", sharedRead())
                // Live feeds (a BOT key's round and session feeds hold its own bots only: see LiveController)
                .subscription("roundLogged", botRead(filteredByResolver()))
                .subscription("sessionChanged", botRead(filteredByResolver()))
                .subscription("crashObserved", sharedRead()) // a game's crash points belong to no bot
                .subscription("alertRaised", allBotsRead())
                // API keys
                .query("apiKeys", adminOnly())
                .mutation("createApiKey", adminOnly())
                .mutation("revokeApiKey", adminOnly())
                // Alerts: rules and channels are the administrator's; alerts span bots, for dashboards too
                .query("alertRules", adminOnly())
                .mutation("createAlertRule", adminOnly())
                .mutation("updateAlertRule", adminOnly())
                .mutation("deleteAlertRule", adminOnly())
                .query("alertChannels", adminOnly())
                .query("alertDeliveries", adminOnly())
                .query("alerts", allBotsRead())
                // Audit trail: who changed bots, platforms, keys and alert rules
                .query("auditTrail", adminOnly())
                .build();
    }
}
