package com.crashanalytics.benchmarks.gateway;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.crashanalytics.simulator.gateway.GatewayClient;

/**
 * Set-up through the gateway's public API with the admin key, untimed: platforms, bots, their BOT keys, a
 * DASHBOARD key, sessions. Errors throw (the simulator's client turns GraphQL errors into exceptions).
 */
public final class GatewayAdmin {

    private final GatewayClient client;

    public GatewayAdmin(URI base, String adminKey) {
        this.client = GatewayClient.to(base.toString(), adminKey);
    }

    public void configurePlatform(String game, String platform) {
        client.execute(Documents.CONFIGURE_PLATFORM, Map.of("input", Map.of("gameName", game, "platformCode", platform)));
    }

    public void registerBot(String botId, String strategyName) {
        client.execute(Documents.REGISTER_BOT, Map.of("input", Map.of("botId", botId, "botName", "Benchmark " + botId,
                "strategyName", strategyName, "initialBalance", "1000000", "baseStake", "10", "maxStake", "100")));
    }

    /** A new BOT key bound to this bot: what a bot in production logs with. */
    public String botKey(String botId) {
        return issue("BOT", List.of(botId), "benchmark " + botId);
    }

    /** A new DASHBOARD key: what Grafana or a dashboard reads with. */
    public String dashboardKey() {
        return issue("DASHBOARD", List.of(), "benchmark dashboard");
    }

    private String issue(String role, List<String> botIds, String label) {
        return client.execute(Documents.CREATE_API_KEY, Map.of("input", Map.of("label", label, "role", role,
                "botIds", botIds))).path("createApiKey").path("secret").asString();
    }

    public void startSession(String botId, String sessionId, String game, String platform, BigDecimal initialBalance) {
        client.execute(Documents.START_SESSION, Map.of("input", Map.of("botId", botId, "sessionId", sessionId,
                "gameName", game, "platformCode", platform, "initialBalance", initialBalance.toPlainString())));
    }

    /** Any document, for set-up the methods above do not cover; returns the answer's data as JSON text. */
    public String execute(String document, Map<String, ?> variables) {
        return client.execute(document, variables).toString();
    }
}
