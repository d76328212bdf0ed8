package com.crashanalytics.benchmarks.peer;

import java.util.List;

/**
 * The benchmark's requests as PostGraphile's generated schema spells them: the same rows and columns the gateway's
 * documents ask for ({@link com.crashanalytics.benchmarks.gateway.Documents}), in the same order.
 * <p>
 * PostGraphile v5 exposes a partitioned table by its parent only, and names a relation after the foreign key's
 * columns. Since rounds are partitioned by month (changeset 0300), a round's outcome and signals reference it by
 * {@code (round_id, timestamp)} and {@code (round_id, round_start_timestamp)}, so the relations are
 * {@code analyticsRoundOutcomeByRoundIdAndTimestamp} (one: that pair is unique) and
 * {@code analyticsRoundSignalsByRoundIdAndRoundStartTimestamp} (a connection, served by {@code ix_signals_round}).
 */
public final class PostGraphileDocuments {

    public static final String TYPENAME = "{ __typename }";

    public static final String BOT = """
            query Bot($botId: String!) {
              botVmRegistrationByBotId(botId: $botId) { botId botName vmName strategyName }
            }
            """;

    public static final String ROUNDS_OF_BOT = """
            query Rounds($botId: String!, $first: Int!) {
              allCrashGameRounds(first: $first, condition: {botId: $botId},
                                 orderBy: [ROUND_START_TIMESTAMP_ASC, PRIMARY_KEY_ASC]) {
                nodes { roundNumber roundOutcome stakeValue crashMultiplierDetected profitLossAmount }
              }
            }
            """;

    private static final String BOT_DASHBOARD = """
              b%d: botVmRegistrationByBotId(botId: "%s") {
                botId strategyName
                sessionLogsByBotId(first: $sessions, orderBy: [START_TIME_ASC, PRIMARY_KEY_ASC]) {
                  totalCount
                  nodes {
                    sessionId status totalRounds totalProfitLoss
                    crashGameRoundsBySessionId(first: $rounds, orderBy: ROUND_NUMBER_ASC) {
                      totalCount
                      nodes {
                        roundNumber roundOutcome stakeValue crashMultiplierDetected profitLossAmount
                        analyticsRoundOutcomeByRoundIdAndTimestamp { outcomeCategory }
                        analyticsRoundSignalsByRoundIdAndRoundStartTimestamp { nodes { signalType signalCorrectness } }
                      }
                    }
                  }
                }
              }
            """;

    private PostGraphileDocuments() {
    }

    /**
     * The dashboard over these bots: each bot by its id (the Amber preset filters lists by one column's equality
     * only, so a list of ids becomes one aliased field per bot; PostGraphile still plans the whole document as one
     * SQL statement), its sessions by start time, their rounds by number with outcome and signals, and the
     * totalCounts. The bot ids are the harness's own ({@code dash-bot-01}, ...), safe to write into the document.
     */
    public static String dashboard(List<String> botIds) {
        StringBuilder document = new StringBuilder("query Dashboard($sessions: Int!, $rounds: Int!) {\n");
        for (int i = 0; i < botIds.size(); i++) {
            document.append(BOT_DASHBOARD.formatted(i + 1, botIds.get(i)));
        }
        return document.append("}\n").toString();
    }
}
