package com.crashanalytics.simulator.demo;

import java.util.List;

import com.crashanalytics.simulator.gateway.GatewayClient;
import com.crashanalytics.simulator.gateway.ResumePoint;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSession;

/**
 * A live bot that can be killed mid-session and restarted, as a real one is (a crash, a deploy, a lost VM): killed, it
 * just stops sending (no end, no more heartbeats); restarted, it knows nothing but its session plan and asks the
 * gateway where it left off ({@code resume}), then carries on. It sends the last round the gateway holds again,
 * because a killed bot cannot know whether its last request arrived: the gateway answers it as a duplicate.
 */
public final class RestartableBot {

    private final GatewayClient gateway;

    /** @param gateway a client with the bot's key (or an ADMIN key) */
    public RestartableBot(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** Starts the session and logs its first {@code rounds} rounds one request each; then the process "dies". */
    public void playUntilKilled(SimulatedSession session, int rounds) {
        gateway.startSession(session);
        gateway.heartbeat(session.botId(), session.sessionId());
        for (SimulatedRound round : session.rounds().subList(0, Math.min(rounds, session.rounds().size()))) {
            gateway.logRound(session, round);
        }
    }

    /**
     * The restarted process: asks where it left off, carries on in the open session (or starts it, if the gateway
     * never saw it) and ends it. Answers what resume said and how the rounds sent after the restart were taken.
     */
    public Restart restart(SimulatedSession session) {
        ResumePoint resumed = gateway.resume(session.botId(), 5);
        int from = 0;
        if (session.sessionId().equals(resumed.openSessionId())) {
            Integer last = resumed.lastRoundNumber();
            from = last == null ? 0 : indexOf(session.rounds(), last);
        } else {
            gateway.startSession(session);
        }
        gateway.heartbeat(session.botId(), session.sessionId());
        int written = 0;
        int duplicates = 0;
        for (SimulatedRound round : session.rounds().subList(from, session.rounds().size())) {
            if (gateway.logRound(session, round)) {
                duplicates++;
            } else {
                written++;
            }
        }
        gateway.endSession(session);
        return new Restart(resumed, written, duplicates);
    }

    /** The position of the round with this number; past the end when the plan has no such round. */
    private static int indexOf(List<SimulatedRound> rounds, int roundNumber) {
        for (int i = 0; i < rounds.size(); i++) {
            if (rounds.get(i).roundNumber() == roundNumber) {
                return i;
            }
        }
        return rounds.size();
    }

    /**
     * What a restart did.
     *
     * @param resumed    what resume answered
     * @param written    rounds stored by the restarted process
     * @param duplicates rounds it sent that the gateway already held (the one it was unsure of)
     */
    public record Restart(ResumePoint resumed, int written, int duplicates) {
    }
}
