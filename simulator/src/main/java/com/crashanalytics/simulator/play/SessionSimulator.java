package com.crashanalytics.simulator.play;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.simulator.Money;
import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.crash.CrashPoint;
import com.crashanalytics.simulator.crash.CrashPointGenerator;
import com.crashanalytics.simulator.strategy.Strategy;

/**
 * Plays one session of one bot, round by round: the game draws the crash, the model signals, the strategy decides,
 * the game pays, the balance moves. The crash sequence comes from its own generator, so a bot's choices never
 * change what the game draws; everything else the bot observes comes from {@code random}.
 */
public final class SessionSimulator {

    private static final Duration SIGNAL_LEAD = Duration.ofSeconds(1);

    private final SimulationSettings settings;
    private final OcrReader ocr;
    private final SignalModel model;

    public SessionSimulator(SimulationSettings settings) {
        this.settings = settings;
        this.ocr = new OcrReader(settings.ocrMisreadRate());
        this.model = new SignalModel(settings.signalSkill(), settings.signalNoise(), settings.signalType());
    }

    public SimulatedSession run(SessionSetup setup, CrashPointGenerator crashes, RandomGenerator random) {
        BotProfile bot = setup.bot();
        Strategy strategy = bot.strategy();
        BigDecimal balance = bot.initialBalance();
        int step = Strategy.FIRST_STEP;
        Instant clock = setup.startAt();
        Instant lastCrash = clock;
        List<SimulatedRound> rounds = new ArrayList<>(setup.rounds());
        SessionEnd end = bot.canCover(balance) ? SessionEnd.COMPLETED : SessionEnd.BUST;

        for (int number = 1; number <= setup.rounds() && end == SessionEnd.COMPLETED; number++) {
            SimulatedRound round = play(setup, number, clock, crashes.next(), crashes.distribution(), balance, step,
                    random);
            rounds.add(round);
            balance = round.balanceAfter();
            step = strategy.stepAfter(step, round.outcome());
            lastCrash = round.endedAt();
            clock = lastCrash.plus(settings.pauseAfterCrash());
            if (!bot.canCover(balance)) {
                end = SessionEnd.BUST;
            }
        }
        // The bot reads its balance off the screen once more as it leaves, to check its own bookkeeping.
        OcrRead balanceRead = ocr.readAmount(balance, random);
        return new SimulatedSession(setup, setup.startAt(), lastCrash, bot.initialBalance(), balance, end, rounds,
                balanceRead);
    }

    private SimulatedRound play(SessionSetup setup, int number, Instant start, CrashPoint crash, CrashDistribution law,
                                BigDecimal balance, int step, RandomGenerator random) {
        BotProfile bot = setup.bot();
        Strategy strategy = bot.strategy();
        BigDecimal target = strategy.target();
        Instant takeOff = start.plus(settings.bettingPhase());
        long flightMillis = Flight.durationMillis(crash);
        Instant crashedAt = takeOff.plusMillis(flightMillis);

        SimulatedSignal signal = model.predict(law, target, crash.multiplier(),
                takeOff.minus(SIGNAL_LEAD), "sig-" + number, random);
        OcrRead crashRead = ocr.read(crash.multiplier(), random);
        List<MultiplierSample> samples = samples(takeOff, flightMillis, crash.multiplier(), random);

        // What the bot would bet: its strategy's stake, cut to its maximum and to what is left.
        BigDecimal stake = bot.stakeFor(strategy.stakeAt(step), balance);
        ErrorEvent error = null;
        BigDecimal aimedAt = target;
        Settlement settlement;
        if (random.nextDouble() < settings.errorRate()) {
            error = error(setup.sessionId() + "-r" + number, stake, takeOff, random);
            settlement = Settlement.noBet(RoundOutcome.ERROR);
            stake = Money.ZERO;
        } else if (bot.sitsOut(signal)) {
            aimedAt = null;
            settlement = Settlement.noBet(RoundOutcome.SKIP);
            stake = Money.ZERO;
        } else {
            settlement = Settlement.of(stake, target, crash.multiplier());
        }
        return new SimulatedRound(number, start, crashedAt, settlement.outcome(), crash, stake, aimedAt,
                settlement.cashout(), settlement.profitLoss(), balance, balance.add(settlement.profitLoss()),
                strategy.name(), step, samples, crashRead, signal, error);
    }

    /** Readings at even intervals of the flight, the last one at the crash. */
    private List<MultiplierSample> samples(Instant takeOff, long flightMillis, BigDecimal crash, RandomGenerator random) {
        int count = settings.samplesPerRound();
        List<MultiplierSample> samples = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            boolean last = index == count - 1;
            long elapsed = flightMillis * (index + 1) / count;
            BigDecimal multiplier = last ? crash : Flight.multiplierAt(elapsed, crash);
            double confidence = Math.round(random.nextDouble(0.90, 1.0) * 1000) / 1000.0;
            samples.add(new MultiplierSample(index, elapsed, takeOff.plusMillis(elapsed), multiplier, last, confidence));
        }
        return samples;
    }

    private static ErrorEvent error(String clientEventId, BigDecimal intendedStake, Instant at, RandomGenerator random) {
        if (random.nextBoolean()) {
            return new ErrorEvent(clientEventId, "bet_placement_timeout", "ERROR",
                    "the bet of " + intendedStake.stripTrailingZeros().toPlainString()
                            + " was not confirmed within 2 s; no bet was placed",
                    "skipped the round", at);
        }
        return new ErrorEvent(clientEventId, "screen_capture_failed", "WARNING",
                "the screen capture returned a frozen frame before take-off; no bet was placed",
                "restarted the capture and skipped the round", at);
    }
}
