package com.crashanalytics.api.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.crashanalytics.api.session.SessionInputs.EndSessionInput;
import com.crashanalytics.api.session.SessionInputs.HeartbeatInput;
import com.crashanalytics.api.session.SessionInputs.StartSessionInput;
import com.crashanalytics.domain.bot.BotStatusRules;
import com.crashanalytics.domain.session.EndSessionUseCase;
import com.crashanalytics.domain.session.HeartbeatUseCase;
import com.crashanalytics.domain.session.HeartbeatUseCase.Heartbeat;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionLog;
import com.crashanalytics.domain.session.SessionResult;
import com.crashanalytics.domain.session.StartSessionUseCase;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Sessions: started, kept alive and ended by bots; read by dashboards. */
@Controller
class SessionController {

    private final StartSessionUseCase startSession;
    private final HeartbeatUseCase heartbeat;
    private final EndSessionUseCase endSession;
    private final SessionLog sessions;
    private final Clock clock;
    private final Duration staleAfter;

    SessionController(StartSessionUseCase startSession, HeartbeatUseCase heartbeat, EndSessionUseCase endSession,
                      SessionLog sessions, Clock clock, BotStatusRules statusRules) {
        this.startSession = startSession;
        this.heartbeat = heartbeat;
        this.endSession = endSession;
        this.sessions = sessions;
        this.clock = clock;
        this.staleAfter = statusRules.staleAfter();
    }

    @MutationMapping
    SessionResult startSession(@Argument StartSessionInput input) {
        return startSession.start(input.toCommand(clock.instant()));
    }

    @MutationMapping
    Heartbeat heartbeat(@Argument HeartbeatInput input) {
        return heartbeat.heartbeat(input.toCommand(clock.instant()));
    }

    @MutationMapping
    SessionResult endSession(@Argument EndSessionInput input) {
        return endSession.end(input.toCommand(clock.instant()));
    }

    @QueryMapping
    Optional<Session> session(@Argument String sessionId) {
        return sessions.find(sessionId);
    }

    @SchemaMapping(typeName = "Session")
    boolean stale(Session session) {
        return session.isStale(clock.instant(), staleAfter);
    }
}
