package com.crashanalytics.benchmarks.gateway;

/** The GraphQL documents the benchmark sends: what a bot and a dashboard would send. */
public final class Documents {

    /** What a bot needs back from a round: that it was taken, and its id. */
    public static final String LOG_ROUND =
            "mutation($input: LogRoundInput!) { logRound(input: $input) { duplicate round { id } } }";
    public static final String LOG_ROUNDS =
            "mutation($input: LogRoundsInput!) { logRounds(input: $input) { written duplicates } }";

    /**
     * The dashboard: bots, each bot's sessions, each session's rounds with their outcome and signals, and every
     * list's totalCount. The fan-out comes in the variables, so one document serves 2 × 2 × 5 and 10 × 10 × 20.
     */
    public static final String DASHBOARD = """
            query Dashboard($botIds: [ID!], $bots: Int!, $sessions: Int!, $rounds: Int!) {
              bots(first: $bots, filter: {botIds: $botIds}) {
                totalCount
                edges { node {
                  botId strategyName
                  sessions(first: $sessions) {
                    totalCount
                    edges { node {
                      sessionId status
                      totals { totalRounds totalProfitLoss }
                      rounds(first: $rounds) {
                        totalCount
                        edges { node {
                          roundNumber roundOutcome stakeValue crashMultiplier profitLoss
                          outcome { outcomeCategory }
                          signals { signalType signalCorrectness }
                        } }
                      }
                    } }
                  }
                } }
              }
            }
            """;

    /** The smallest request there is: what a request costs before it does any work. */
    public static final String TYPENAME = "{ __typename }";

    /** One bot by its id, a few of its columns. */
    public static final String BOT =
            "query Bot($botId: ID!) { bot(botId: $botId) { botId botName vmName strategyName } }";

    /** A flat page of one bot's rounds, oldest first. */
    public static final String ROUNDS_OF_BOT = """
            query Rounds($botId: ID!, $first: Int!) {
              rounds(first: $first, filter: {botId: $botId}) {
                edges { node { roundNumber roundOutcome stakeValue crashMultiplier profitLoss } }
              }
            }
            """;

    static final String CONFIGURE_PLATFORM = """
            mutation($input: ConfigurePlatformInput!) { configurePlatform(input: $input) { registration } }
            """;
    static final String REGISTER_BOT = """
            mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }
            """;
    static final String START_SESSION = """
            mutation($input: StartSessionInput!) { startSession(input: $input) { duplicate } }
            """;

    private Documents() {
    }
}
