package com.crashanalytics.domain.analytics.ruin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * The chance that a bot following {@code rule} from {@code balance} goes bust within {@code rounds} rounds.
 * <p>
 * The crash law: a cash-out at target x is reached with probability p = RTP / x, whatever happened before, so every
 * bet is an independent win (+stake × (x − 1)) with probability p or loss (−stake). <em>Bust</em> means the balance
 * no longer covers the stake the rule calls for next (a martingale that cannot double is bust, even with money left).
 * <p>
 * A rule that keeps one stake b is a binomial walk: after n bets with k wins the balance is B + k·b·x − n·b, so it is
 * still playing after bet n exactly when k ≥ ((n + 1)·b − B) / (b·x). The chance of being bust by n is then summed
 * exactly over the (n, k) lattice, the paths absorbed the first time they fall below that bound (the gambler's-ruin
 * walk with an up step of x − 1 stakes, cut at N). Any other rule's stake depends on its history: it is simulated,
 * {@code simulations} runs of at most {@code rounds} bets from a {@link SplittableRandom} seeded with {@code seed}, at
 * most {@value #MAX_SIMULATED_BETS} bets in all (fewer runs when {@code rounds} is large), with the standard error
 * √(P(1 − P) / runs) of the estimate.
 * <p>
 * The median rounds to bust is the smallest n with P(bust by n) ≥ 1/2; null when that chance stays below 1/2 within
 * {@code rounds} (the median lies beyond the horizon).
 *
 * @param balance            the balance the bot starts from
 * @param rule               its staking rule
 * @param returnToPlayer     the platform's RTP (1 − house edge)
 * @param winProbability     P(crash ≥ target) = RTP / target
 * @param rounds             the horizon N
 * @param probabilityOfRuin  P(bust within N rounds)
 * @param medianRoundsToRuin the median rounds to bust; null when beyond N
 * @param method             exact or simulated
 * @param simulations        the runs simulated; null when exact
 * @param seed               the simulation's seed; null when exact
 * @param standardError      the simulated estimate's standard error; null when exact
 */
public record RiskOfRuin(BigDecimal balance, StakingRule rule, BigDecimal returnToPlayer, double winProbability,
                         int rounds, double probabilityOfRuin, @Nullable Integer medianRoundsToRuin, RuinMethod method,
                         @Nullable Integer simulations, @Nullable Long seed, @Nullable Double standardError) {

    /** The most bets one answer simulates: the cost bound (a few tens of milliseconds). */
    public static final int MAX_SIMULATED_BETS = 5_000_000;

    /** Works out the risk (the query's arguments are validated by {@link RiskOfRuinQuery}). */
    public static RiskOfRuin of(BigDecimal balance, StakingRule rule, BigDecimal returnToPlayer, int rounds,
                                int simulations, long seed) {
        double p = Math.min(1.0, returnToPlayer.divide(rule.target(), MathContext.DECIMAL64).doubleValue());
        if (rule.keepsOneStake()) {
            double[] bustAt = exactBustChances(balance, rule.baseStake(), rule.target(), p, rounds);
            double total = 0;
            Integer median = null;
            for (int n = 0; n <= rounds; n++) {
                total += bustAt[n];
                if (median == null && total >= 0.5) {
                    median = n;
                }
            }
            return new RiskOfRuin(balance, rule, returnToPlayer, p, rounds, Math.min(1.0, total), median,
                    RuinMethod.EXACT, null, null, null);
        }
        int runs = Math.max(1, Math.min(simulations, MAX_SIMULATED_BETS / rounds));
        int[] bustTimes = simulate(balance.doubleValue(), rule, p, rounds, runs, seed);
        double probability = (double) bustTimes.length / runs;
        int middle = (runs + 1) / 2;
        Integer median = bustTimes.length >= middle ? bustTimes[middle - 1] : null;
        return new RiskOfRuin(balance, rule, returnToPlayer, p, rounds, probability, median, RuinMethod.SIMULATION,
                runs, seed, Math.sqrt(probability * (1 - probability) / runs));
    }

    /**
     * P(bust exactly after bet n) for n = 0..N for one stake b at target x: the mass of the (n, k) lattice paths (k
     * wins) that first fall below the least number of wins still playing.
     */
    static double[] exactBustChances(BigDecimal balance, BigDecimal stake, BigDecimal target, double p, int rounds) {
        double[] bustAt = new double[rounds + 1];
        if (balance.compareTo(stake) < 0) {
            bustAt[0] = 1;
            return bustAt;
        }
        double q = 1 - p;
        double[] alive = new double[rounds + 2]; // alive[k]: P(still playing, k wins so far)
        alive[0] = 1;
        int lowest = 0; // below this many wins every path is bust already
        BigDecimal winStep = stake.multiply(target);
        for (int n = 1; n <= rounds; n++) {
            for (int k = n; k >= lowest; k--) {
                alive[k] = alive[k] * q + (k > lowest ? alive[k - 1] * p : 0);
            }
            int fewestWins = fewestWinsStillPlaying(balance, stake, winStep, n);
            double bust = 0;
            for (int k = lowest; k < Math.min(fewestWins, n + 1); k++) {
                bust += alive[k];
                alive[k] = 0;
            }
            bustAt[n] = bust;
            lowest = Math.max(lowest, Math.min(fewestWins, n + 1));
        }
        return bustAt;
    }

    /** The least k with B + k·b·x − n·b ≥ b: ⌈((n + 1)·b − B) / (b·x)⌉, at least 0 (exact decimal arithmetic). */
    static int fewestWinsStillPlaying(BigDecimal balance, BigDecimal stake, BigDecimal winStep, int n) {
        BigDecimal needed = stake.multiply(BigDecimal.valueOf(n + 1L)).subtract(balance);
        return needed.signum() <= 0 ? 0 : needed.divide(winStep, 0, RoundingMode.CEILING).intValueExact();
    }

    /** The bet after which each busted run went bust, ascending (runs still playing after N are left out). */
    static int[] simulate(double balance, StakingRule rule, double p, int rounds, int runs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double base = rule.baseStake().doubleValue();
        double gain = rule.target().doubleValue() - 1;
        // the rule's factors as doubles once, not per bet (BigDecimal.doubleValue in the loop tripled its cost)
        double afterWin = rule.afterWin().resets() ? 0 : rule.afterWin().factor().doubleValue();
        double afterLoss = rule.afterLoss().resets() ? 0 : rule.afterLoss().factor().doubleValue();
        int[] bustTimes = new int[runs];
        int busted = 0;
        for (int run = 0; run < runs; run++) {
            if (cannotCover(base, balance)) {
                bustTimes[busted++] = 0;
                continue;
            }
            double money = balance;
            double stake = base;
            for (int n = 1; n <= rounds; n++) {
                boolean won = random.nextDouble() < p;
                money += won ? stake * gain : -stake;
                double factor = won ? afterWin : afterLoss;
                stake = factor == 0 ? base : stake * factor;
                if (cannotCover(stake, money)) {
                    bustTimes[busted++] = n;
                    break;
                }
            }
        }
        int[] times = Arrays.copyOf(bustTimes, busted);
        Arrays.sort(times);
        return times;
    }

    /** Whether the money falls short of the stake, allowing for the rounding of double arithmetic (1e-9 of it). */
    private static boolean cannotCover(double stake, double money) {
        return stake - money > 1e-9 * stake;
    }
}
