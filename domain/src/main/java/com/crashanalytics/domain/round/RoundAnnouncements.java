package com.crashanalytics.domain.round;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crashanalytics.domain.bot.Platform;
import com.crashanalytics.domain.bot.PlatformRegistry.PlatformKey;
import com.crashanalytics.domain.live.EventJournal;
import com.crashanalytics.domain.live.EventJournal.NewEvent;
import com.crashanalytics.domain.live.LiveEventKind;
import com.crashanalytics.domain.round.CrashSightings.FirstReport;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionAnnouncements;

/**
 * Tells the live side about new rounds, inside the transaction that writes them: a ROUND_LOGGED event each, a
 * CRASH_OBSERVED event for each first report of a game round's crash point, and a session's BUST when a round leaves
 * nothing to stake. Events land in the {@link EventJournal} and reach subscribers on every replica when they commit;
 * the payloads hold the GraphQL event types' fields by name (schema.graphqls), money and multipliers as JSON numbers
 * written from the exact decimals, times as ISO-8601 instants.
 */
public final class RoundAnnouncements {

    private final EventJournal journal;
    private final CrashSightings sightings;

    public RoundAnnouncements(EventJournal journal, CrashSightings sightings) {
        this.journal = journal;
        this.sightings = sightings;
    }

    /** New rounds (never retried duplicates), the signals written with them, and the sessions they moved. */
    public void logged(List<Round> rounds, Collection<Signal> signals, Collection<Session> countedSessions,
                       Map<PlatformKey, Platform> platforms) {
        if (rounds.isEmpty()) {
            return;
        }
        Map<UUID, List<Signal>> signalsByRound = new LinkedHashMap<>();
        for (Signal signal : signals) {
            if (signal.roundId() != null) {
                signalsByRound.computeIfAbsent(signal.roundId(), id -> new ArrayList<>()).add(signal);
            }
        }
        List<UUID> withCrash = rounds.stream().filter(round -> round.crashMultiplier() != null).map(Round::id).toList();
        Map<UUID, FirstReport> firstReports = new HashMap<>();
        if (!withCrash.isEmpty()) {
            sightings.firstReportsAmong(withCrash).forEach(report -> firstReports.put(report.roundId(), report));
        }
        Map<String, Session> sessions = new LinkedHashMap<>();
        countedSessions.forEach(session -> sessions.put(session.sessionId(), session));

        List<NewEvent> events = new ArrayList<>();
        for (Round round : rounds) {
            events.add(LiveEventKind.ROUND_LOGGED.event(
                    roundPayload(round, signalsByRound.getOrDefault(round.id(), List.of()))));
            FirstReport firstReport = firstReports.get(round.id());
            if (firstReport != null) {
                Platform platform = platforms.get(new PlatformKey(round.gameName(), round.platformCode()));
                events.add(LiveEventKind.CRASH_OBSERVED.event(crashPayload(round, firstReport, platform)));
            }
            Session session = sessions.get(round.sessionId());
            if (wentBust(round) && session != null) {
                events.add(SessionAnnouncements.bust(session, round.loggedAt()));
            }
        }
        journal.appendAll(events);
    }

    /** A losing round that left the balance the gateway tracks at zero: nothing left to stake. */
    private static boolean wentBust(Round round) {
        return round.requiredAnalytics().balanceAfter().signum() == 0 && round.profitLoss().signum() < 0;
    }

    private static Map<String, Object> roundPayload(Round round, List<Signal> signals) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("roundId", round.id().toString());
        payload.put("botId", round.botId());
        payload.put("sessionId", round.sessionId());
        payload.put("gameName", round.gameName());
        payload.put("platformCode", round.platformCode());
        payload.put("roundNumber", round.roundNumber());
        payload.put("roundExternalId", round.roundExternalId());
        payload.put("roundStartTimestamp", round.roundStartTimestamp().toString());
        payload.put("strategyName", round.strategyName());
        payload.put("outcome", round.roundOutcome().name());
        payload.put("stakeValue", round.stakeValue());
        payload.put("targetMultiplier", round.targetMultiplier());
        payload.put("cashoutMultiplier", round.cashoutMultiplier());
        payload.put("crashMultiplier", round.crashMultiplier());
        payload.put("profitLoss", round.profitLoss());
        payload.put("balanceAfter", round.requiredAnalytics().balanceAfter());
        payload.put("loggedAt", round.loggedAt().toString());
        List<Object> signalPayloads = new ArrayList<>();
        for (Signal signal : signals) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("signalType", signal.signalType());
            one.put("confidenceScore", signal.confidenceScore());
            one.put("predictedMultiplier", signal.predictedMultiplier());
            one.put("patternType", signal.patternType());
            one.put("signalCorrectness", signal.signalCorrectness());
            signalPayloads.add(one);
        }
        payload.put("signals", signalPayloads);
        return payload;
    }

    /**
     * A game round's crash with the run below the streak multiplier it ends, next to the crash law's expectation:
     * each round reaches x with probability RTP / x, so the run before a round reaching 10x is geometric, with
     * mean (1 - p) / p, and a run of n rounds or longer has probability (1 - p)^n.
     */
    private static Map<String, Object> crashPayload(Round round, FirstReport report, Platform platform) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("gameName", round.gameName());
        payload.put("platformCode", round.platformCode());
        payload.put("gameRoundId", round.roundExternalId());
        payload.put("crashMultiplier", round.crashMultiplier());
        payload.put("observedAt", round.roundStartTimestamp().toString());
        payload.put("streakMultiplier", CrashSightings.STREAK_MULTIPLIER);
        payload.put("roundsSinceStreakMultiplier", report.roundsBelowStreakMultiplier());
        double chance = platform.rtpPercent().doubleValue() / 100 / CrashSightings.STREAK_MULTIPLIER;
        payload.put("expectedRoundsBetween", (1 - chance) / chance);
        payload.put("chanceOfRunSoLong", Math.pow(1 - chance, report.roundsBelowStreakMultiplier()));
        return payload;
    }
}
