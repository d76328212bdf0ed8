package com.crashanalytics.api.session;

import java.math.BigDecimal;
import java.time.Instant;

import com.crashanalytics.domain.bot.TradeType;
import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.session.EndSessionCommand;
import com.crashanalytics.domain.session.HeartbeatCommand;
import com.crashanalytics.domain.session.SessionStatus;
import com.crashanalytics.domain.session.StartSessionCommand;

/** The GraphQL inputs of the session mutations, as bound from the request. */
final class SessionInputs {

    private SessionInputs() {
    }

    record StartSessionInput(String botId, String sessionId, String gameName, String platformCode,
                             String strategyName, Object strategyParameters, BigDecimal initialBalance,
                             Instant startTime, TradeType tradeType) {

        StartSessionCommand toCommand(Instant receivedAt) {
            return new StartSessionCommand(receivedAt, sessionId, botId, gameName, platformCode, strategyName,
                    JsonDocument.of(strategyParameters), initialBalance, startTime, tradeType);
        }
    }

    record HeartbeatInput(String botId, String sessionId) {

        HeartbeatCommand toCommand(Instant receivedAt) {
            return new HeartbeatCommand(receivedAt, botId, sessionId);
        }
    }

    record EndSessionInput(String botId, String sessionId, SessionStatus status, BigDecimal finalBalance,
                           String notes, Instant endTime) {

        EndSessionCommand toCommand(Instant receivedAt) {
            return new EndSessionCommand(receivedAt, botId, sessionId, status, finalBalance, notes, endTime);
        }
    }
}
