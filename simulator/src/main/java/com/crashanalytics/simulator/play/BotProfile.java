package com.crashanalytics.simulator.play;

import java.math.BigDecimal;

import com.crashanalytics.simulator.Money;
import com.crashanalytics.simulator.strategy.Strategy;
import org.jspecify.annotations.Nullable;

/**
 * A simulated bot: its identity, strategy and limits.
 *
 * @param initialBalance      the bankroll each session starts with
 * @param maxStake            the largest stake the bot bets, whatever its strategy wants
 * @param minStake            the platform's minimum bet: a bot whose balance is below it is bust
 * @param skipBelowConfidence when set, the bot sits a round out (SKIP) if its model's confidence that the round
 *                            reaches the target is below this; null: it bets every round
 */
public record BotProfile(
        String botId,
        String botName,
        Strategy strategy,
        BigDecimal initialBalance,
        BigDecimal maxStake,
        BigDecimal minStake,
        @Nullable Double skipBelowConfidence) {

    public static final int MAX_BOT_ID_LENGTH = 50;

    public BotProfile {
        if (botId.isBlank() || botId.length() > MAX_BOT_ID_LENGTH || !botId.equals(botId.strip())) {
            throw new IllegalArgumentException("a bot id is 1 to 50 characters without surrounding blanks: '" + botId + "'");
        }
        initialBalance = Money.of(initialBalance);
        maxStake = Money.of(maxStake);
        minStake = Money.of(minStake);
        if (minStake.signum() <= 0) {
            throw new IllegalArgumentException("minStake must be positive");
        }
        if (strategy.baseStake().compareTo(minStake) < 0 || strategy.baseStake().compareTo(maxStake) > 0) {
            throw new IllegalArgumentException("the base stake " + strategy.baseStake().toPlainString()
                    + " must lie between minStake " + minStake.toPlainString() + " and maxStake " + maxStake.toPlainString());
        }
        if (skipBelowConfidence != null && !(skipBelowConfidence >= 0 && skipBelowConfidence <= 1)) {
            throw new IllegalArgumentException("skipBelowConfidence must be in [0, 1], got " + skipBelowConfidence);
        }
    }

    /** Whether this balance still pays for the smallest bet the platform takes. */
    public boolean canCover(BigDecimal balance) {
        return balance.compareTo(minStake) >= 0;
    }

    /** The stake actually bet: what the strategy wants, cut to the bot's maximum and to what is left. */
    public BigDecimal stakeFor(BigDecimal wanted, BigDecimal balance) {
        return wanted.min(maxStake).min(balance);
    }

    /** Whether the bot's signal filter sits this round out. */
    public boolean sitsOut(SimulatedSignal signal) {
        return skipBelowConfidence != null && signal.confidence() < skipBelowConfidence;
    }
}
