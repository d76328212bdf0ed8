package com.crashanalytics.domain.analytics.integrity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A CUSUM (Page's cumulative sum) of a platform's game rounds against the provably fair law, one step per UTC day.
 * <p>
 * Each game round either reaches the target x (crash ≥ x) or not, with probability p₀ = RTP / x on a fair platform.
 * The test watches for the probability moving by {@code shift} either way: p↓ = p₀ · (1 − shift) (the payout fell)
 * and p↑ = p₀ · (1 + shift) (it rose). A day with n rounds and h hits adds its log-likelihood ratio
 * h · ln(p₁ / p₀) + (n − h) · ln((1 − p₁) / (1 − p₀)) to each statistic, which never goes below 0:
 * S_d = max(0, S_{d−1} + LLR_d). Under the fair law the ratio drifts down and the statistics stay near 0; after a
 * shift of that size one of them climbs by n · KL(p₁ ‖ p₀) a day. The platform is flagged the first day a statistic
 * reaches {@code threshold} (in nats: the evidence for the shift against no shift). Summing a day's rounds before
 * the max(0, …) makes it a CUSUM of daily batches: it reads a few rows a day, not the rounds, and flags on whole days.
 *
 * @param returnToPlayer 1 − the platform's house edge
 * @param hitProbability p₀ = RTP / x
 * @param flaggedOn      the first day a statistic reached the threshold; null: never
 * @param direction      which statistic reached it first (the fell one if both did that day); null: never
 */
public record PayoutCusum(BigDecimal returnToPlayer, BigDecimal target, double shift, double threshold,
                          double hitProbability, List<CusumDay> days, @Nullable LocalDate flaggedOn,
                          @Nullable ShiftDirection direction) {

    /** The CUSUM path over the days (in date order; days without rounds left out), validated parameters assumed. */
    public static PayoutCusum of(BigDecimal returnToPlayer, BigDecimal target, double shift, double threshold,
                                 List<DayTally> tallies) {
        double p0 = returnToPlayer.divide(target, MathContext.DECIMAL64).doubleValue();
        Step fell = Step.from(p0, p0 * (1 - shift));
        Step rose = Step.from(p0, p0 * (1 + shift));
        List<CusumDay> days = new ArrayList<>();
        double fellStatistic = 0;
        double roseStatistic = 0;
        LocalDate flaggedOn = null;
        ShiftDirection direction = null;
        for (DayTally tally : tallies) {
            fellStatistic = Math.max(0, fellStatistic + fell.logLikelihoodRatio(tally));
            roseStatistic = Math.max(0, roseStatistic + rose.logLikelihoodRatio(tally));
            days.add(new CusumDay(tally.day(), tally.rounds(), tally.hits(), tally.rounds() * p0, fellStatistic,
                    roseStatistic));
            if (flaggedOn == null && (fellStatistic >= threshold || roseStatistic >= threshold)) {
                flaggedOn = tally.day();
                direction = fellStatistic >= threshold ? ShiftDirection.PAYOUT_FELL : ShiftDirection.PAYOUT_ROSE;
            }
        }
        return new PayoutCusum(returnToPlayer, target, shift, threshold, p0, List.copyOf(days), flaggedOn, direction);
    }

    /** The log-likelihood ratio of a day's rounds, "hit probability p₁" against "p₀". */
    private record Step(double hitWeight, double missWeight) {

        static Step from(double p0, double p1) {
            return new Step(Math.log(p1 / p0), Math.log((1 - p1) / (1 - p0)));
        }

        double logLikelihoodRatio(DayTally tally) {
            return tally.hits() * hitWeight + (tally.rounds() - tally.hits()) * missWeight;
        }
    }
}
