package com.crashanalytics.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.simulator.play.GameTable;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSession;
import com.crashanalytics.simulator.testing.Contract;
import com.crashanalytics.simulator.testing.Sessions;
import org.junit.jupiter.api.Test;

/**
 * The client speaks the contract: every document it sends is valid against {@code schema.graphqls} at the
 * repository root, and so is every input the simulator fills for it, checked the way the gateway coerces variables
 * (every field exists, required ones are there, enum values are known, numbers are numbers).
 */
class GatewayDocumentsTest {

    @Test
    void everyDocumentIsValidAgainstTheSchema() {
        assertThat(GatewayDocuments.ALL).hasSize(14);
        GatewayDocuments.ALL.forEach((operation, document) ->
                assertThat(Contract.documentErrors(document)).as(operation).isEmpty());
    }

    @Test
    void aDocumentThatDoesNotMatchTheSchemaIsCaught() {
        assertThat(Contract.documentErrors("mutation { registerBot(input: {botId: \"x\"}) { nope } }")).isNotEmpty();
    }

    @Test
    void everyInputTheSimulatorSendsFitsItsInputType() {
        // Sessions with every kind of round: wins, losses, errors, misreads of both kinds, and a bust.
        List<SimulatedSession> sessions = Sessions.eventful();
        List<Request> requests = new ArrayList<>();
        requests.add(new Request("registerBot", GatewayInputs.registerBot(new RegisterBotCommand("sim-bot-01", "name",
                "vm", "local", "nyc3", "fixed_2x", new BigDecimal("1000"), new BigDecimal("10"), new BigDecimal("100")))));
        requests.add(new Request("configurePlatform",
                GatewayInputs.configurePlatform(new GameTable("aviator", "dafabet"), new BigDecimal("3"))));
        requests.add(new Request("createApiKey", GatewayInputs.createBotKey("simulator demo sim-bot-01", "sim-bot-01")));
        requests.add(new Request("revokeApiKey", new GraphQlInput().put("id", "019a0000-0000-7000-8000-000000000000")));
        for (SimulatedSession session : sessions) {
            requests.add(new Request("startSession", GatewayInputs.startSession(session)));
            requests.add(new Request("heartbeat", GatewayInputs.heartbeat(session.botId(), session.sessionId())));
            for (SimulatedRound round : session.rounds()) {
                requests.add(new Request("logRound", GatewayInputs.round(session, round)));
                if (round.error() != null) {
                    requests.add(new Request("logError", GatewayInputs.error(session, round, round.error())));
                }
            }
            requests.add(new Request("logRounds", new GraphQlInput().put("rounds",
                    session.rounds().stream().map(round -> GatewayInputs.round(session, round)).toList())));
            requests.add(new Request("logOcrValidation", GatewayInputs.balanceRead(session)));
            requests.add(new Request("endSession", GatewayInputs.endSession(session)));
        }

        for (Request request : requests) {
            assertThat(Contract.requestErrors(GatewayDocuments.ALL.get(request.operation()),
                    Map.of("input", request.input().toMap())))
                    .as(request.operation() + " " + request.input().toMap()).isEmpty();
        }
        assertThat(requests).extracting(Request::operation).containsAll(GatewayDocuments.ALL.keySet().stream()
                .filter(operation -> !operation.equals("platforms") && !operation.equals("session")
                        && !operation.equals("resume")).toList());
        assertThat(sessions.stream().flatMap(s -> s.rounds().stream()).map(SimulatedRound::outcome))
                .contains(RoundOutcome.WIN, RoundOutcome.LOSS, RoundOutcome.ERROR);
    }

    @Test
    void theQueriesTakeTheirVariables() {
        assertThat(Contract.requestErrors(GatewayDocuments.SESSION_START, Map.of("sessionId", "s1"))).isEmpty();
        assertThat(Contract.requestErrors(GatewayDocuments.PLATFORMS, Map.of())).isEmpty();
        assertThat(Contract.requestErrors(GatewayDocuments.RESUME, Map.of("botId", "sim-bot-01", "lastRounds", 5)))
                .isEmpty();
    }

    @Test
    void anInputThatDoesNotFitIsCaught() {
        Map<String, Object> unknownField = Map.of("input", Map.of("botId", "b", "sessionId", "s", "stakes", "10"));
        Map<String, Object> missingStatus = Map.of("input", Map.of("botId", "b", "sessionId", "s"));
        Map<String, Object> unknownStatus = Map.of("input", Map.of("botId", "b", "sessionId", "s", "status", "BUST"));
        Map<String, Object> textForAnInt = Map.of("input", Map.of("botId", "b", "sessionId", "s", "roundNumber", "one",
                "roundOutcome", "WIN"));

        assertThat(Contract.requestErrors(GatewayDocuments.HEARTBEAT, unknownField)).isNotEmpty();
        assertThat(Contract.requestErrors(GatewayDocuments.END_SESSION, missingStatus)).isNotEmpty();
        assertThat(Contract.requestErrors(GatewayDocuments.END_SESSION, unknownStatus)).isNotEmpty();
        assertThat(Contract.requestErrors(GatewayDocuments.LOG_ROUND, textForAnInt)).isNotEmpty();
    }

    private record Request(String operation, GraphQlInput input) {
    }
}
