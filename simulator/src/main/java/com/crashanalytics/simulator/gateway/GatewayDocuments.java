package com.crashanalytics.simulator.gateway;

import java.util.Map;

/**
 * The GraphQL documents the client sends, one per operation. Tests validate every one against
 * {@code schema.graphqls}, so a change of the contract that breaks the simulator fails the build.
 */
final class GatewayDocuments {

    static final String REGISTER_BOT = """
            mutation RegisterBot($input: RegisterBotInput!) {
              registerBot(input: $input) {
                registration
                bot { botId registeredAt }
              }
            }
            """;

    /** Every document, by operation name. */
    static final Map<String, String> ALL = Map.of("registerBot", REGISTER_BOT);

    private GatewayDocuments() {
    }
}
