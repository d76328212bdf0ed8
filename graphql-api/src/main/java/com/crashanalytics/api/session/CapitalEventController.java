package com.crashanalytics.api.session;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import com.crashanalytics.domain.session.CapitalEventKind;
import com.crashanalytics.domain.session.LogCapitalEventCommand;
import com.crashanalytics.domain.session.LogCapitalEventUseCase;
import com.crashanalytics.domain.session.LogCapitalEventUseCase.LoggedCapitalEvent;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Deposits and withdrawals bots report: capital flows of a session's bankroll, never P/L. */
@Controller
class CapitalEventController {

    private final LogCapitalEventUseCase capitalEvents;
    private final Clock clock;

    CapitalEventController(LogCapitalEventUseCase capitalEvents, Clock clock) {
        this.capitalEvents = capitalEvents;
        this.clock = clock;
    }

    @MutationMapping
    LoggedCapitalEvent logCapitalEvent(@Argument LogCapitalEventInput input) {
        return capitalEvents.logCapitalEvent(input.toCommand(clock.instant()));
    }

    record LogCapitalEventInput(String botId, String sessionId, String clientEventId, CapitalEventKind kind,
                                BigDecimal amount, Instant occurredAt, String note) {

        LogCapitalEventCommand toCommand(Instant receivedAt) {
            return new LogCapitalEventCommand(receivedAt, botId, sessionId, clientEventId, kind, amount, occurredAt,
                    note);
        }
    }
}
