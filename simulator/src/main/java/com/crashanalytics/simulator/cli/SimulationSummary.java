package com.crashanalytics.simulator.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSession;

/**
 * What a simulation did, per bot and overall, with the game's observed figures next to their theoretical values:
 * a quick check that strategies, payouts and the crash law behave.
 */
record SimulationSummary(List<Line> bots, Line total, Observed observed) {

    private static final BigDecimal TWO = new BigDecimal("2");
    private static final BigDecimal TEN = new BigDecimal("10");

    /** One bot's sessions (or all of them) added up. */
    record Line(String name, String strategy, int sessions, long rounds, long wins, long losses, long skips,
                long errors, BigDecimal staked, BigDecimal profitLoss, long busts) {

        static Line of(String name, String strategy, List<SimulatedSession> sessions) {
            return new Line(name, strategy, sessions.size(),
                    sessions.stream().mapToLong(s -> s.rounds().size()).sum(),
                    count(sessions, RoundOutcome.WIN), count(sessions, RoundOutcome.LOSS),
                    count(sessions, RoundOutcome.SKIP), count(sessions, RoundOutcome.ERROR),
                    sessions.stream().map(SimulatedSession::totalStaked).reduce(BigDecimal.ZERO, BigDecimal::add),
                    sessions.stream().map(SimulatedSession::profitLoss).reduce(BigDecimal.ZERO, BigDecimal::add),
                    sessions.stream().filter(SimulatedSession::busted).count());
        }

        private static long count(List<SimulatedSession> sessions, RoundOutcome outcome) {
            return sessions.stream().mapToLong(s -> s.count(outcome)).sum();
        }

        double winRate() {
            return wins + losses == 0 ? 0 : (double) wins / (wins + losses);
        }
    }

    /** The game and the bots' observations, measured against the law and the settings. */
    record Observed(long rounds, double atLeast2x, double atLeast10x, double instant, double shownAsOne,
                    double misreads, double errors, double signalBrier, double baseRateBrier) {
    }

    static SimulationSummary of(List<SimulatedSession> sessions, CrashDistribution law) {
        Map<String, List<SimulatedSession>> byBot = new LinkedHashMap<>();
        sessions.forEach(session -> byBot.computeIfAbsent(session.botId(), id -> new ArrayList<>()).add(session));
        List<Line> bots = byBot.values().stream()
                .map(own -> Line.of(own.get(0).botId(), own.get(0).strategyName(), own))
                .toList();
        return new SimulationSummary(bots, Line.of("all bots", "", sessions), observe(sessions, law));
    }

    private static Observed observe(List<SimulatedSession> sessions, CrashDistribution law) {
        List<SimulatedRound> rounds = sessions.stream().flatMap(s -> s.rounds().stream()).toList();
        double n = Math.max(1, rounds.size());
        double signalBrier = 0;
        double baseRateBrier = 0;
        for (SimulatedRound round : rounds) {
            BigDecimal predicted = round.signal().predictedMultiplier();
            double reached = round.crashMultiplier().compareTo(predicted) >= 0 ? 1 : 0;
            signalBrier += square(round.signal().confidence() - reached);
            baseRateBrier += square(law.probabilityAtLeast(predicted) - reached);
        }
        return new Observed(rounds.size(),
                rounds.stream().filter(r -> r.crashMultiplier().compareTo(TWO) >= 0).count() / n,
                rounds.stream().filter(r -> r.crashMultiplier().compareTo(TEN) >= 0).count() / n,
                rounds.stream().filter(r -> r.crash().instant()).count() / n,
                rounds.stream().filter(r -> r.crashMultiplier().compareTo(BigDecimal.ONE) == 0).count() / n,
                rounds.stream().filter(r -> !r.crashRead().isCorrect()).count() / n,
                rounds.stream().filter(r -> r.outcome() == RoundOutcome.ERROR).count() / n,
                signalBrier / n, baseRateBrier / n);
    }

    private static double square(double x) {
        return x * x;
    }

    /** A table per bot, a total line, and the observed figures against theory and settings. */
    String format(CrashDistribution law, double misreadRate, double errorRate) {
        StringBuilder out = new StringBuilder();
        String header = "%-22s %-22s %8s %7s %6s %6s %6s %6s %6s %12s %11s %5s%n";
        out.append(String.format(Locale.ROOT, header,
                "bot", "strategy", "sessions", "rounds", "wins", "losses", "skips", "errors", "win%", "staked", "P/L",
                "busts"));
        for (Line line : bots) {
            out.append(row(line));
        }
        out.append(row(total));
        double one01 = law.probabilityAtLeast(new BigDecimal("1.01"));
        out.append(String.format(Locale.ROOT,
                "crash points: %d rounds; P(>=2x) %s (theory %s), P(>=10x) %s (%s), instant %s (%s), shown as 1.00x %s (%s)%n",
                observed.rounds(), pct(observed.atLeast2x()), pct(law.probabilityAtLeast(TWO)),
                pct(observed.atLeast10x()), pct(law.probabilityAtLeast(TEN)),
                pct(observed.instant()), pct(law.instantCrashProbability()),
                pct(observed.shownAsOne()), pct(1 - one01)));
        out.append(String.format(Locale.ROOT,
                "observations: OCR misreads %s (set %s), errors %s (set %s), signal Brier %.4f vs base rate %.4f%n",
                pct(observed.misreads()), pct(misreadRate), pct(observed.errors()), pct(errorRate),
                observed.signalBrier(), observed.baseRateBrier()));
        return out.toString();
    }

    private static String row(Line line) {
        return String.format(Locale.ROOT, "%-22s %-22s %8d %7d %6d %6d %6d %6d %6s %12s %11s %5d%n",
                line.name(), line.strategy(), line.sessions(), line.rounds(), line.wins(), line.losses(), line.skips(),
                line.errors(), pct(line.winRate()), money(line.staked()), money(line.profitLoss()), line.busts());
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
