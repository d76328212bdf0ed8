package com.crashanalytics.simulator.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.simulator.gateway.BatchLogged;
import com.crashanalytics.simulator.gateway.GatewayClient;
import com.crashanalytics.simulator.gateway.SessionStarted;
import com.crashanalytics.simulator.play.BotProfile;
import com.crashanalytics.simulator.play.SessionEnd;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSession;

/**
 * One bot, on its own thread with its own key, doing what a real bot does: register, then for each session start
 * it, send a heartbeat now and then, log every round (with what it observed) and the errors it met, read its
 * balance off the screen as it leaves, and end the session, COMPLETED or, bust, ABORTED.
 */
final class BotRun implements Callable<List<SessionReport>> {

    private final BotProfile bot;
    private final List<SimulatedSession> sessions;
    private final GatewayClient gateway;
    private final int batchSize;
    private final long heartbeatEveryNanos;
    private final Consumer<SessionReport> onSessionDone;

    BotRun(BotProfile bot, List<SimulatedSession> sessions, GatewayClient gateway, DemoSetup setup,
           Consumer<SessionReport> onSessionDone) {
        this.bot = bot;
        this.sessions = List.copyOf(sessions);
        this.gateway = gateway;
        this.batchSize = setup.batchSize();
        this.heartbeatEveryNanos = setup.heartbeatEvery().toNanos();
        this.onSessionDone = onSessionDone;
    }

    static RegisterBotCommand registration(BotProfile bot) {
        return new RegisterBotCommand(bot.botId(), bot.botName(), "simulator", "local", null, bot.strategy().name(),
                bot.initialBalance(), bot.strategy().baseStake(), bot.maxStake());
    }

    @Override
    public List<SessionReport> call() {
        gateway.registerBot(registration(bot));
        List<SessionReport> reports = new ArrayList<>();
        for (SimulatedSession session : sessions) {
            SessionReport report = send(session);
            reports.add(report);
            onSessionDone.accept(report);
        }
        return reports;
    }

    private SessionReport send(SimulatedSession session) {
        long began = System.nanoTime();
        SessionStarted started = gateway.startSession(session);
        Heartbeats heartbeats = new Heartbeats(session, started.active());
        heartbeats.beat();
        int written = 0;
        int duplicates = 0;
        int errors = 0;
        List<SimulatedRound> rounds = session.rounds();
        for (int from = 0; from < rounds.size(); from += batchSize) {
            List<SimulatedRound> batch = rounds.subList(from, Math.min(rounds.size(), from + batchSize));
            if (batch.size() == 1) {
                boolean duplicate = gateway.logRound(session, batch.get(0));
                written += duplicate ? 0 : 1;
                duplicates += duplicate ? 1 : 0;
            } else {
                BatchLogged logged = gateway.logRounds(session, batch);
                written += logged.written();
                duplicates += logged.duplicates();
            }
            // Errors after their rounds, so the gateway links each error to its logged round.
            for (SimulatedRound round : batch) {
                if (round.error() != null) {
                    gateway.logError(session, round, round.error());
                    errors++;
                }
            }
            heartbeats.beatIfDue();
        }
        gateway.logBalanceRead(session);
        gateway.endSession(session);
        return new SessionReport(session, started.duplicate(), written, duplicates, errors,
                session.end() == SessionEnd.COMPLETED ? "COMPLETED" : "ABORTED",
                Duration.ofNanos(System.nanoTime() - began));
    }

    /** Heartbeats for an active session, on the wall clock: the bot is alive however fast it logs. */
    private final class Heartbeats {

        private final SimulatedSession session;
        private final boolean active;
        private long last;

        Heartbeats(SimulatedSession session, boolean active) {
            this.session = session;
            this.active = active;
        }

        void beat() {
            if (active) {
                gateway.heartbeat(session.botId(), session.sessionId());
                last = System.nanoTime();
            }
        }

        void beatIfDue() {
            if (System.nanoTime() - last >= heartbeatEveryNanos) {
                beat();
            }
        }
    }
}
