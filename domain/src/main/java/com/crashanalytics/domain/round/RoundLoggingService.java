package com.crashanalytics.domain.round;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.bot.Platform;
import com.crashanalytics.domain.bot.PlatformRegistry;
import com.crashanalytics.domain.bot.PlatformRegistry.PlatformKey;
import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.DomainException;
import com.crashanalytics.domain.common.Fingerprint;
import com.crashanalytics.domain.common.IdGenerator;
import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.MultipleProblemsException;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.diagnostics.OcrReading;
import com.crashanalytics.domain.diagnostics.OcrValidation;
import com.crashanalytics.domain.round.RoundLogbook.RoundRecords;
import com.crashanalytics.domain.round.RoundLogbook.StoredRound;
import com.crashanalytics.domain.session.LedgerEntry;
import com.crashanalytics.domain.session.RoundStanding;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionLifecycleService;
import com.crashanalytics.domain.session.SessionLog;
import org.jspecify.annotations.Nullable;

/**
 * Logs rounds, one or a batch, in one transaction: checks every round against what is stored, decides which are
 * new, duplicates or conflicts, derives what the gateway derives, moves the sessions' totals, and writes each
 * table with one batch.
 *
 * <p>Concurrency: the transaction first locks the session rows of every round it carries (in session-id order).
 * Two requests for the same session therefore run one after the other, and the second sees what the first
 * committed: two identical rounds sent at once give one row and one duplicate answer. The unique key on
 * (bot, session, round number) stays the last line of defence.
 */
public final class RoundLoggingService implements LogRoundUseCase {

    private final RoundLogbook logbook;
    private final SessionLog sessions;
    private final BotRegistry bots;
    private final PlatformRegistry platforms;
    private final IdGenerator ids;
    private final Transactions transactions;

    public RoundLoggingService(RoundLogbook logbook, SessionLog sessions, BotRegistry bots, PlatformRegistry platforms,
                               IdGenerator ids, Transactions transactions) {
        this.logbook = logbook;
        this.sessions = sessions;
        this.bots = bots;
        this.platforms = platforms;
        this.ids = ids;
        this.transactions = transactions;
    }

    @Override
    public LoggedRound logRound(LogRoundCommand command) {
        return log(List.of(command.round()), command.receivedAt(), index -> "").get(0);
    }

    @Override
    public List<LoggedRound> logRounds(LogRoundsCommand command) {
        return log(command.rounds(), command.receivedAt(), index -> "rounds[" + index + "].");
    }

    private List<LoggedRound> log(List<RoundReport> reports, Instant receivedAt, IntFunction<String> pathOf) {
        return transactions.inTransaction(() -> {
            Batch batch = new Batch(reports, receivedAt, pathOf);
            batch.lockSessions();
            batch.sortOut();
            MultipleProblemsException.throwIfAny(batch.problems);
            batch.count();
            MultipleProblemsException.throwIfAny(batch.problems);
            batch.write();
            return batch.answers();
        });
    }

    /** One request's rounds on their way through the transaction. */
    private final class Batch {
        private final List<RoundReport> reports;
        private final Instant receivedAt;
        private final IntFunction<String> pathOf;
        private final List<String> fingerprints;
        private final List<DomainException> problems = new ArrayList<>();

        private Map<String, Session> lockedSessions = Map.of();
        private Map<RoundKey, StoredRound> stored = Map.of();
        private Map<PlatformKey, Platform> configured = Map.of();
        /** For each round: -1 new, -2 a duplicate of a stored round, i ≥ 0 a duplicate of rounds[i], -3 refused. */
        private final int[] fate;
        private final List<Integer> fresh = new ArrayList<>();
        private final Map<RoundKey, Map<String, Signal>> storedSignals = new HashMap<>();
        private final Map<Integer, Settlement> settlements = new HashMap<>();
        private final Map<Integer, Round> written = new HashMap<>();
        private final List<Round> restated = new ArrayList<>();
        private final List<Session> countedSessions = new ArrayList<>();

        Batch(List<RoundReport> reports, Instant receivedAt, IntFunction<String> pathOf) {
            this.reports = reports;
            this.receivedAt = receivedAt;
            this.pathOf = pathOf;
            this.fingerprints = reports.stream().map(RoundReport::fingerprint).toList();
            this.fate = new int[reports.size()];
            java.util.Arrays.fill(fate, -3);
        }

        void lockSessions() {
            Set<String> sessionIds = reports.stream().map(RoundReport::sessionId).collect(Collectors.toSet());
            lockedSessions = sessions.lockAll(sessionIds).stream()
                    .collect(Collectors.toMap(Session::sessionId, Function.identity()));
        }

        /** Decides, for every round, whether it is new, a duplicate, or a problem. */
        void sortOut() {
            stored = logbook.findStored(reports.stream().map(RoundReport::key).toList());
            configured = configuredPlatforms();
            Set<String> knownBots = knownBotsAmong(reports.stream()
                    .filter(report -> sessionOf(report) == null).map(RoundReport::botId).toList());
            Map<RoundKey, Integer> firstInBatch = new HashMap<>();
            for (int i = 0; i < reports.size(); i++) {
                RoundReport report = reports.get(i);
                String path = pathOf.apply(i);
                Session session = sessionOf(report);
                if (session == null) {
                    problems.add(knownBots.contains(report.botId())
                            ? SessionLifecycleService.unknownSession(path + "sessionId", report.botId(), report.sessionId())
                            : SessionLifecycleService.unknownBot(path + "botId", report.botId()));
                    continue;
                }
                StoredRound storedRound = stored.get(report.key());
                if (storedRound != null) {
                    fate[i] = -2;
                    if (!storedRound.contentFingerprint().equals(fingerprints.get(i))) {
                        problems.add(new ConflictException(path + "roundNumber", report.key()
                                + " is already logged with other content; a retry must repeat the round exactly, "
                                + "and the stored round stays as it is"));
                    }
                    continue;
                }
                Integer first = firstInBatch.putIfAbsent(report.key(), i);
                if (first != null) {
                    fate[i] = first;
                    if (!fingerprints.get(first).equals(fingerprints.get(i))) {
                        problems.add(new ConflictException(path + "roundNumber", report.key() + " is also "
                                + pathOf.apply(first) + "roundNumber in this request, with other content"));
                    }
                    continue;
                }
                fate[i] = -1;
                if (placeProblem(report, session, path) || !accepts(session, path)) {
                    continue;
                }
                fresh.add(i);
            }
            matchNestedSignals();
        }

        private boolean placeProblem(RoundReport report, Session session, String path) {
            PlatformKey played = playedOn(report, session);
            if (!configured.containsKey(played)) {
                problems.add(SessionLifecycleService.unconfiguredPlatform(path + "platformCode", played.gameName(),
                        played.platformCode()));
                return true;
            }
            if (!played.equals(new PlatformKey(session.gameName(), session.platformCode()))) {
                problems.add(new ConflictException(path + (played.gameName().equals(session.gameName())
                        ? "platformCode" : "gameName"), "session '" + session.sessionId() + "' plays "
                        + session.gameName() + " on " + session.platformCode() + ", not " + played.gameName() + " on "
                        + played.platformCode() + "; start another session for that"));
                return true;
            }
            return false;
        }

        private boolean accepts(Session session, String path) {
            try {
                session.ensureAcceptsRounds(path + "sessionId");
                return true;
            } catch (ConflictException ended) {
                problems.add(ended);
                return false;
            }
        }

        /** A signal nested in a new round may already be stored (logged ahead of it): same content, or a conflict. */
        private void matchNestedSignals() {
            if (fresh.isEmpty()) {
                return;
            }
            for (Signal signal : logbook.signalsOf(fresh.stream().map(i -> reports.get(i).key()).toList())) {
                storedSignals.computeIfAbsent(new RoundKey(signal.botId(), signal.sessionId(), signal.roundNumber()),
                        key -> new HashMap<>()).put(signal.identityWithinRound(), signal);
            }
            for (int i : fresh) {
                RoundReport report = reports.get(i);
                Map<String, Signal> known = storedSignals.getOrDefault(report.key(), Map.of());
                for (int j = 0; j < report.signals().size(); j++) {
                    SignalReport signal = report.signals().get(j);
                    Signal before = known.get(signal.identityWithinRound());
                    if (before != null && !before.contentFingerprint().equals(signal.fingerprint())) {
                        problems.add(new ConflictException(pathOf.apply(i) + "signals[" + j + "]", "signal '"
                                + signal.signalType() + "' (client signal id '" + signal.clientSignalIdOrEmpty()
                                + "') of " + report.key() + " was logged before with other content"));
                    }
                }
            }
        }

        /** Moves each session's totals over its new rounds, replaying the session when one arrives late. */
        void count() {
            Map<String, List<Integer>> freshBySession = new LinkedHashMap<>();
            for (int i : fresh) {
                settlements.put(i, Settlement.of(reports.get(i)));
                freshBySession.computeIfAbsent(reports.get(i).sessionId(), id -> new ArrayList<>()).add(i);
            }
            freshBySession.forEach(this::countSession);
        }

        private void countSession(String sessionId, List<Integer> indexes) {
            Session session = lockedSessions.get(sessionId);
            List<LedgerEntry> entries = new ArrayList<>(indexes.size());
            Map<Integer, Integer> indexByNumber = new HashMap<>();
            for (int i : indexes) {
                RoundReport report = reports.get(i);
                Settlement settlement = settlements.get(i);
                entries.add(Round.ledgerEntry(report.roundNumber(), report.roundOutcome(), settlement.stake(),
                        settlement.profitLoss(), report.runningBalanceBefore(), report.runningBalanceAfter()));
                indexByNumber.put(report.roundNumber(), i);
            }
            Session.Recorded recorded;
            Map<Integer, Round> storedByNumber = new HashMap<>();
            if (session.extendsWith(entries)) {
                recorded = session.record(entries, receivedAt);
            } else {
                List<LedgerEntry> all = new ArrayList<>(entries);
                for (Round round : logbook.roundsOf(sessionId)) {
                    storedByNumber.put(round.roundNumber(), round);
                    all.add(round.ledgerEntry());
                }
                recorded = session.replay(all, receivedAt);
            }
            Platform platform = configured.get(new PlatformKey(session.gameName(), session.platformCode()));
            int firstNew = indexes.stream().mapToInt(Integer::intValue).min().orElseThrow();
            for (RoundStanding standing : recorded.standings()) {
                Integer index = indexByNumber.get(standing.roundNumber());
                String path = pathOf.apply(index != null ? index : firstNew);
                String problem = DecimalLimits.MONEY.problemWith(standing.balanceAfter());
                if (standing.balanceAfter().signum() < 0 || problem != null) {
                    problems.add(InvalidInputException.of(path + "runningBalanceAfter", "BALANCE_IN_RANGE",
                            "the balance of session '" + sessionId + "' after round " + standing.roundNumber()
                                    + " would be " + standing.balanceAfter().toPlainString() + " (balance before "
                                    + standing.balanceBefore().toPlainString() + "); report runningBalanceBefore and "
                                    + "runningBalanceAfter, or start the session with the bot's real balance"));
                } else if (index != null) {
                    written.put(index, newRound(index, session, platform, standing));
                } else {
                    Round before = storedByNumber.get(standing.roundNumber());
                    Round after = before.restated(standing);
                    if (after != before) {
                        restated.add(after);
                    }
                }
            }
            countedSessions.add(recorded.session());
        }

        private Round newRound(int index, Session session, Platform platform, RoundStanding standing) {
            RoundReport report = reports.get(index);
            Settlement settlement = settlements.get(index);
            boolean canShow = report.crashMultiplier() == null || platform.canShow(report.crashMultiplier());
            return Round.logged(ids.newId(), ids.newId(), report, session, settlement, standing,
                    Round.localFlags(report, settlement, canShow), receivedAt);
        }

        void write() {
            List<Round> rounds = new ArrayList<>();
            List<MultiplierSample> samples = new ArrayList<>();
            List<Signal> newSignals = new ArrayList<>();
            List<Signal> resolved = new ArrayList<>();
            List<OcrValidation> ocr = new ArrayList<>();
            for (int i : fresh) {
                RoundReport report = reports.get(i);
                Round round = written.get(i);
                rounds.add(round);
                for (int j = 0; j < report.multiplierSamples().size(); j++) {
                    samples.add(MultiplierSample.of(ids.newId(), round.id(), round.key(), round.gameName(),
                            round.platformCode(), report.sampleIndexOf(j), report.multiplierSamples().get(j),
                            round.roundStartTimestamp()));
                }
                Map<String, Signal> pending = new HashMap<>(storedSignals.getOrDefault(round.key(), Map.of()));
                for (SignalReport signal : report.signals()) {
                    if (pending.containsKey(signal.identityWithinRound())) {
                        continue; // logged ahead with the same content: resolved below, not written twice
                    }
                    newSignals.add(Signal.of(ids.newId(), round.key(), round.gameName(), round.platformCode(), signal,
                            round.roundStartTimestamp()).resolvedBy(round.id(), round.crashMultiplier()));
                }
                pending.values().forEach(signal -> resolved.add(signal.resolvedBy(round.id(), round.crashMultiplier())));
                for (OcrReading reading : report.ocrValidations()) {
                    ocr.add(OcrValidation.of(ids.newId(), round.botId(), round.sessionId(), round.id(),
                            round.roundNumber(), null, reading, round.roundStartTimestamp(),
                            Fingerprint.of("ocrValidation", reading.content())));
                }
            }
            logbook.append(new RoundRecords(rounds, samples, newSignals, resolved, ocr));
            logbook.restate(restated);
            sessions.updateAll(countedSessions);
        }

        List<LoggedRound> answers() {
            Map<UUID, Round> duplicates = new HashMap<>();
            List<UUID> storedIds = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                if (fate[i] == -2) {
                    storedIds.add(stored.get(reports.get(i).key()).id());
                }
            }
            if (!storedIds.isEmpty()) {
                logbook.findRounds(storedIds).forEach(round -> duplicates.put(round.id(), round));
            }
            List<LoggedRound> answers = new ArrayList<>(reports.size());
            for (int i = 0; i < reports.size(); i++) {
                if (fate[i] == -1) {
                    answers.add(new LoggedRound(written.get(i), false));
                } else if (fate[i] == -2) {
                    answers.add(new LoggedRound(duplicates.get(stored.get(reports.get(i).key()).id()), true));
                } else {
                    LoggedRound first = answers.get(fate[i]);
                    answers.add(new LoggedRound(first.round(), true));
                }
            }
            return answers;
        }

        private @Nullable Session sessionOf(RoundReport report) {
            Session session = lockedSessions.get(report.sessionId());
            return session != null && session.belongsTo(report.botId()) ? session : null;
        }

        private Map<PlatformKey, Platform> configuredPlatforms() {
            Set<PlatformKey> keys = new HashSet<>();
            for (RoundReport report : reports) {
                Session session = sessionOf(report);
                if (session != null) {
                    keys.add(playedOn(report, session));
                }
            }
            return platforms.findAll(keys).stream().collect(Collectors.toMap(
                    platform -> new PlatformKey(platform.gameName(), platform.platformCode()), Function.identity()));
        }

        private Set<String> knownBotsAmong(Collection<String> botIds) {
            return bots.findAll(new HashSet<>(botIds)).stream().map(Bot::botId).collect(Collectors.toSet());
        }
    }

    private static PlatformKey playedOn(RoundReport report, Session session) {
        return new PlatformKey(report.gameName() != null ? report.gameName() : session.gameName(),
                report.platformCode() != null ? report.platformCode() : session.platformCode());
    }
}
