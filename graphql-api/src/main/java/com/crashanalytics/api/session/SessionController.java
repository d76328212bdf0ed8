package com.crashanalytics.api.session;

import java.time.Clock;

import com.crashanalytics.api.session.SessionInputs.EndSessionInput;
import com.crashanalytics.api.session.SessionInputs.HeartbeatInput;
import com.crashanalytics.api.session.SessionInputs.StartSessionInput;
import com.crashanalytics.domain.session.EndSessionUseCase;
import com.crashanalytics.domain.session.HeartbeatUseCase;
import com.crashanalytics.domain.session.HeartbeatUseCase.Heartbeat;
import com.crashanalytics.domain.session.SessionResult;
import com.crashanalytics.domain.session.StartSessionUseCase;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Sessions started, kept alive and ended by bots: the write side (dashboards read them through SessionReadController). */
@Controller
class SessionController {

    private final StartSessionUseCase startSession;
    private final HeartbeatUseCase heartbeat;
    private final EndSessionUseCase endSession;
    private final Clock clock;

    SessionController(StartSessionUseCase startSession, HeartbeatUseCase heartbeat, EndSessionUseCase endSession,
                      Clock clock) {
        this.startSession = startSession;
        this.heartbeat = heartbeat;
        this.endSession = endSession;
        this.clock = clock;
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
}
