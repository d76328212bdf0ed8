package com.crashanalytics.benchmarks.gateway;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

import com.crashanalytics.simulator.gateway.GatewayClient;

/**
 * Set-up through the gateway's public API with the admin key, untimed: platforms, bots, their BOT keys, a
 * DASHBOARD key, sessions. Errors throw (the simulator's client turns GraphQL errors into exceptions). Set-up that
 * is idempotent (platforms, bots, sessions) goes through the client's retrying {@code query}; keys through its
 * {@code createBotKey} / {@code createDashboardKey}, which never resend after a lost answer.
 */
public final class GatewayAdmin {

    private final GatewayClient client;

    public GatewayAdmin(URI base, String adminKey) {
        this.client = GatewayClient.to(base.toString(), adminKey);
    }

    public void configurePlatform(String game, String platform) {
        client.query(Documents.CONFIGURE_PLATFORM, Map.of("input", Map.of("gameName", game, "platformCode", platform)));
    }

    public void registerBot(String botId, String strategyName) {
        client.query(Documents.REGISTER_BOT, Map.of("input", Map.of("botId", botId, "botName", "Benchmark " + botId,
                "strategyName", strategyName, "initialBalance", "1000000", "baseStake", "10", "maxStake", "100")));
    }

    /** A new BOT key bound to this bot: what a bot in production logs with. */
    public String botKey(String botId) {
        return client.createBotKey("benchmark " + botId, botId).secret();
    }

    /** A new DASHBOARD key: what Grafana or a dashboard reads with. */
    public String dashboardKey() {
        return client.createDashboardKey("benchmark dashboard").secret();
    }

    public void startSession(String botId, String sessionId, String game, String platform, BigDecimal initialBalance) {
        client.query(Documents.START_SESSION, Map.of("input", Map.of("botId", botId, "sessionId", sessionId,
                "gameName", game, "platformCode", platform, "initialBalance", initialBalance.toPlainString())));
    }

    /** Any document, for set-up the methods above do not cover; returns the answer's data as JSON text. */
    public String execute(String document, Map<String, ?> variables) {
        return client.query(document, variables).toString();
    }
}
