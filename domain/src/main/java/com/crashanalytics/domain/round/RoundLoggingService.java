package com.crashanalytics.domain.round;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.BotErrors;
import com.crashanalytics.domain.bot.BotRegistry;
import com.crashanalytics.domain.bot.Platform;
import com.crashanalytics.domain.bot.PlatformRegistry.PlatformKey;
import com.crashanalytics.domain.bot.PlatformRegistry;
import com.crashanalytics.domain.common.Coalescer;
import com.crashanalytics.domain.common.Coalescer.Outcome;
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
import com.crashanalytics.domain.session.SessionErrors;
import org.jspecify.annotations.Nullable;

/**
 * Logs rounds, one or a batch, in one transaction: checks every round against what is stored, decides which are
 * new, duplicates or conflicts, derives what the gateway derives, moves the sessions' totals, and writes it all.
 * Two round trips to the store and the commit, whatever the size of the request: one to lock and look up
 * ({@link RoundLogbook#lockAndLookUp}), one to write ({@link RoundLogbook#append}: each table one batch, or for a
 * small request everything in one multi-statement).
 *
 * <p>Concurrency: the transaction first locks the session rows of every round it carries (in session-id order).
 * Two requests for the same session therefore run one after the other, and the second sees what the first
 * committed: two identical rounds sent at once give one row and one duplicate answer. The unique key on
 * (bot, session, round number) stays the last line of defence.
 *
 * <p>Single rounds sent at the same moment (many bots, one round each) are logged together ({@link Coalescer}): the
 * rounds that arrived while the previous ones were being written go as one batch, exactly as a {@code logRounds}
 * request would carry them (one lookup, one insert per table, so the rollups' statement triggers run once for all,
 * one journal append, one commit). Each round keeps its own time received and its own author. When the batch is
 * refused (one of its rounds breaks a rule, or the database refuses it), nothing of it is written and every round
 * is logged again on its own, so a bad round fails only its own request, with the error it would have had alone.
 */
public final class RoundLoggingService implements LogRoundUseCase {

    /** Single rounds logged together at most: a batch under constant load still ends, and stays a small write. */
    static final int MAX_ROUNDS_TOGETHER = 64;

    private final RoundLogbook logbook;
    private final BotRegistry bots;
    private final PlatformRegistry platforms;
    private final IdGenerator ids;
    private final Transactions transactions;
    private final RoundAnnouncements live;
    private final CrashPointJudge crashPointJudge;
    private final Authorship authorship;
    private final Coalescer<Submitted, LoggedRound> singleRounds =
            new Coalescer<>(MAX_ROUNDS_TOGETHER, this::logTogether);

    public RoundLoggingService(RoundLogbook logbook, BotRegistry bots, PlatformRegistry platforms, IdGenerator ids,
                               Transactions transactions, RoundAnnouncements live, CrashPointJudge crashPointJudge,
                               Authorship authorship) {
        this.logbook = logbook;
        this.bots = bots;
        this.platforms = platforms;
        this.ids = ids;
        this.transactions = transactions;
        this.live = live;
        this.crashPointJudge = crashPointJudge;
        this.authorship = authorship;
    }

    @Override
    public LoggedRound logRound(LogRoundCommand command) {
        // The author is the caller's, taken here: the round may be written on another caller's thread.
        return singleRounds.submit(new Submitted(command.round(), command.receivedAt(), authorship.currentKeyId()));
    }

    @Override
    public List<LoggedRound> logRounds(LogRoundsCommand command) {
        Optional<UUID> author = authorship.currentKeyId();
        List<Submitted> rounds = command.rounds().stream()
                .map(round -> new Submitted(round, command.receivedAt(), author)).toList();
        return transactions.inTransaction(() -> log(rounds, index -> "rounds[" + index + "]."));
    }

    /** How many single rounds wait for the batch under way to end, to be logged together in the next. */
    int singleRoundsWaiting() {
        return singleRounds.waitingCalls();
    }

    /**
     * Single rounds that arrived together: one batch, sharing its commit with other small writes; when it is
     * refused, each round again on its own.
     */
    private List<Outcome<LoggedRound>> logTogether(List<Submitted> rounds) {
        if (rounds.size() > 1) {
            try {
                return transactions.inSharedCommit(() -> log(rounds, index -> "rounds[" + index + "]."))
                        .stream().map(Outcome::answered).toList();
            } catch (RuntimeException refused) {
                // Nothing of the batch was written: each round again on its own, with the error it has alone.
            }
        }
        return rounds.stream()
                .map(round -> Outcome.of(() -> transactions.inSharedCommit(() -> log(List.of(round), index -> "")).get(0)))
                .toList();
    }

    /** Logs the rounds in the transaction under way. */
    private List<LoggedRound> log(List<Submitted> rounds, IntFunction<String> pathOf) {
        Batch batch = new Batch(rounds, pathOf);
        batch.lockAndLookUp();
        batch.sortOut();
        MultipleProblemsException.throwIfAny(batch.problems);
        batch.count();
        MultipleProblemsException.throwIfAny(batch.problems);
        batch.write();
        crashPointJudge.judgeWith(List.copyOf(batch.written.values()), batch.lastReceivedAt());
        return batch.answers();
    }

    /** A reported round, when the gateway received it, and the key that sent it. */
    private record Submitted(RoundReport report, Instant receivedAt, Optional<UUID> author) {
    }

    /** One request's rounds on their way through the transaction. */
    private final class Batch {
        private final List<Submitted> submitted;
        private final List<RoundReport> reports;
        private final IntFunction<String> pathOf;
        private final List<String> fingerprints;
        private final List<DomainException> problems = new ArrayList<>();

        private Map<String, Session> lockedSessions = Map.of();
        private Map<RoundKey, StoredRound> stored = Map.of();
        private Map<PlatformKey, Platform> configured = Map.of();
        /** What the request does with each of its rounds, in request order. */
        private final Fate[] fates;
        private final List<Integer> fresh = new ArrayList<>();
        /** Signals logged ahead of rounds not stored yet, by round and identity within it. */
        private final Map<RoundKey, Map<String, Signal>> signalsAhead = new HashMap<>();
        private final Map<Integer, Settlement> settlements = new HashMap<>();
        private final Map<Integer, Round> written = new HashMap<>();
        private final List<Round> restated = new ArrayList<>();
        private final List<Session> countedSessions = new ArrayList<>();

        Batch(List<Submitted> submitted, IntFunction<String> pathOf) {
            this.submitted = submitted;
            this.reports = submitted.stream().map(Submitted::report).toList();
            this.pathOf = pathOf;
            this.fingerprints = reports.stream().map(RoundReport::fingerprint).toList();
            this.fates = new Fate[reports.size()];
            Arrays.fill(fates, Fate.REFUSED);
        }

        /** Locks the sessions of the rounds, then finds what is stored of them: one round trip. */
        void lockAndLookUp() {
            Set<String> sessionIds = reports.stream().map(RoundReport::sessionId).collect(Collectors.toSet());
            RoundLogbook.Lookup lookup = logbook.lockAndLookUp(sessionIds,
                    reports.stream().map(RoundReport::key).toList());
            lockedSessions = lookup.lockedSessions().stream()
                    .collect(Collectors.toMap(Session::sessionId, Function.identity()));
            stored = lookup.stored();
            for (Signal signal : lookup.pendingSignals()) {
                signalsAhead.computeIfAbsent(signal.roundKey(), key -> new HashMap<>()).put(signal.identityWithinRound(), signal);
            }
        }

        /** Decides, for every round, whether it is new, a duplicate, or a problem. */
        void sortOut() {
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
                            ? SessionErrors.unknownSession(path + "sessionId", report.botId(), report.sessionId())
                            : BotErrors.unknownBot(path + "botId", report.botId()));
                    continue;
                }
                StoredRound storedRound = stored.get(report.key());
                if (storedRound != null) {
                    fates[i] = new Fate.Stored(storedRound);
                    if (!storedRound.contentFingerprint().equals(fingerprints.get(i))) {
                        problems.add(new ConflictException(path + "roundNumber", report.key()
                                + " is already logged with other content; a retry must repeat the round exactly, "
                                + "and the stored round stays as it is"));
                    }
                    continue;
                }
                Integer first = firstInBatch.putIfAbsent(report.key(), i);
                if (first != null) {
                    fates[i] = new Fate.RepeatOf(first);
                    if (!fingerprints.get(first).equals(fingerprints.get(i))) {
                        problems.add(new ConflictException(path + "roundNumber", report.key() + " is also "
                                + pathOf.apply(first) + "roundNumber in this request, with other content"));
                    }
                    continue;
                }
                fates[i] = Fate.NEW;
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
                problems.add(BotErrors.unconfiguredPlatform(path + "platformCode", played.gameName(),
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
            for (int i : fresh) {
                RoundReport report = reports.get(i);
                Map<String, Signal> known = signalsAhead.getOrDefault(report.key(), Map.of());
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
            Instant receivedAt = latestReceivedAt(indexes);
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
            return Round.logged(ids.newId(), ids.newId(), report, fingerprints.get(index), session, settlement, standing,
                    Round.localFlags(report, settlement, canShow), submitted.get(index).receivedAt());
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
                Map<String, Signal> pending = new HashMap<>(signalsAhead.getOrDefault(round.key(), Map.of()));
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
            Map<UUID, Optional<UUID>> authors = new HashMap<>();
            for (int i : fresh) {
                authors.put(written.get(i).id(), submitted.get(i).author());
            }
            logbook.append(new RoundRecords(rounds, samples, newSignals, resolved, ocr, restated, countedSessions,
                    authors));
            List<Signal> signals = new ArrayList<>(newSignals);
            signals.addAll(resolved);
            live.logged(rounds, signals, countedSessions, configured);
        }

        /** When the last of the rounds was received: the time of what the batch does as a whole. */
        Instant lastReceivedAt() {
            return submitted.stream().map(Submitted::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
        }

        private Instant latestReceivedAt(List<Integer> indexes) {
            return indexes.stream().map(i -> submitted.get(i).receivedAt()).max(Comparator.naturalOrder()).orElseThrow();
        }

        /** The rounds as stored after the request: new ones as written, duplicates as stored before. */
        List<LoggedRound> answers() {
            List<UUID> storedIds = new ArrayList<>();
            for (Fate fate : fates) {
                if (fate instanceof Fate.Stored duplicate) {
                    storedIds.add(duplicate.round().id());
                }
            }
            Map<UUID, Round> duplicates = storedIds.isEmpty() ? Map.of() : logbook.findRounds(storedIds).stream()
                    .collect(Collectors.toMap(Round::id, Function.identity()));
            List<LoggedRound> answers = new ArrayList<>(reports.size());
            for (int i = 0; i < reports.size(); i++) {
                Fate fate = fates[i];
                if (fate instanceof Fate.Stored duplicate) {
                    answers.add(new LoggedRound(duplicates.get(duplicate.round().id()), true));
                } else if (fate instanceof Fate.RepeatOf repeat) {
                    answers.add(new LoggedRound(answers.get(repeat.index()).round(), true));
                } else {
                    answers.add(new LoggedRound(written.get(i), false)); // NEW: refused rounds never get this far
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

    /**
     * What a request does with one of its rounds. Every round starts {@link #REFUSED} (a problem names it and
     * nothing is written) until it is sorted out.
     */
    private sealed interface Fate {
        /** Not stored yet: the request writes it. */
        Fate NEW = new New();
        /** Refused, or not yet sorted out. */
        Fate REFUSED = new Refused();

        record New() implements Fate {
        }

        record Refused() implements Fate {
        }

        /** Already stored with the same content: answered from what is stored, nothing written. */
        record Stored(StoredRound round) implements Fate {
        }

        /** The same round as {@code rounds[index]} earlier in this request: answered as that one. */
        record RepeatOf(int index) implements Fate {
        }
    }

    private static PlatformKey playedOn(RoundReport report, Session session) {
        return new PlatformKey(report.gameName() != null ? report.gameName() : session.gameName(),
                report.platformCode() != null ? report.platformCode() : session.platformCode());
    }
}
