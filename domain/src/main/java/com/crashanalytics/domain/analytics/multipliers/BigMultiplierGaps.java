package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.crashanalytics.domain.analytics.Ratios;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * How long players wait for a big multiplier: the gaps between rounds whose crash reached a threshold (default 10x).
 * <p>
 * A <b>hit</b> is a round with crash ≥ threshold. The <b>gap</b> between two consecutive hits at positions i &lt; j of
 * the series is j − i: the rounds after one hit up to and including the next (consecutive hits: 1). In a fair game
 * rounds are independent and each hits with p = RTP / threshold, so gaps are geometric: P(gap = k) = (1 − p)^(k−1) p
 * for k ≥ 1, mean 1 / p (10.309 rounds at 97% and 10x). Only gaps between two observed hits count: the rounds before
 * the first hit and after the last are cut off by the window, and counting them would shorten the mean.
 * <p>
 * SQL: positions by {@code row_number() OVER (ORDER BY round_start_timestamp, id)}; gaps by
 * {@code position − lag(position) OVER (ORDER BY position)} over the hits.
 *
 * @param threshold             the multiplier a hit reaches
 * @param rounds                n, the rounds in the series
 * @param hits                  rounds with crash ≥ threshold
 * @param hitRate               hits / n, to 6 decimals; null when n = 0
 * @param expectedHitRate       p = RTP / threshold
 * @param currentGap            rounds played since the last hit (0 when the last round hit); all n rounds when
 *                              nothing hit yet. The running gap will end at currentGap + 1 or later
 * @param currentGapProbability (1 − p)^currentGap: how often a fair game goes this long without a hit
 * @param longestGap            the longest gap; null with fewer than 2 hits
 * @param meanGap               the mean gap = (position of last hit − position of first) / (hits − 1), to 6 decimals;
 *                              null with fewer than 2 hits
 * @param expectedMeanGap       1 / p
 * @param histogram             one bar per gap length from 1 to the longest, then the open tail beyond it; empty
 *                              with fewer than 2 hits
 */
public record BigMultiplierGaps(
        BigDecimal threshold,
        long rounds,
        long hits,
        @Nullable BigDecimal hitRate,
        double expectedHitRate,
        long currentGap,
        double currentGapProbability,
        @Nullable Long longestGap,
        @Nullable BigDecimal meanGap,
        double expectedMeanGap,
        List<GapCount> histogram) {

    public static final BigDecimal DEFAULT_THRESHOLD = BigDecimal.TEN;

    /** The gaps of {@code crashes} (in play order) between rounds reaching {@code threshold} (&gt; 1). */
    public static BigMultiplierGaps of(List<BigDecimal> crashes, BigDecimal threshold, CrashPointDistribution theory) {
        validate(threshold);
        List<Long> gaps = new ArrayList<>();
        long firstHit = -1;
        long lastHit = -1;
        for (int position = 0; position < crashes.size(); position++) {
            if (crashes.get(position).compareTo(threshold) >= 0) {
                if (lastHit >= 0) {
                    gaps.add(position - lastHit);
                } else {
                    firstHit = position;
                }
                lastHit = position;
            }
        }
        long n = crashes.size();
        long hits = lastHit < 0 ? 0 : gaps.size() + 1L;
        double p = theory.probabilityAtLeast(threshold);
        long currentGap = lastHit < 0 ? n : n - 1 - lastHit;
        Long longest = gaps.stream().max(Long::compare).orElse(null);
        return new BigMultiplierGaps(
                threshold,
                n,
                hits,
                Ratios.fraction(hits, n),
                p,
                currentGap,
                Math.pow(1 - p, currentGap),
                longest,
                gaps.isEmpty() ? null : Ratios.averageStatistic(BigDecimal.valueOf(lastHit - firstHit), gaps.size()),
                1 / p,
                longest == null ? List.of() : histogram(gaps, longest, p));
    }

    private static List<GapCount> histogram(List<Long> gaps, long longest, double p) {
        long[] observed = new long[(int) longest + 1];
        gaps.forEach(gap -> observed[gap.intValue()]++);
        int total = gaps.size();
        List<GapCount> bars = new ArrayList<>();
        double noHitYet = 1; // (1 − p)^(k−1): the chance a gap is at least k
        for (int k = 1; k <= longest; k++) {
            bars.add(new GapCount(k, (long) k, observed[k], total * noHitYet * p));
            noHitYet *= 1 - p;
        }
        bars.add(new GapCount(longest + 1, null, 0, total * noHitYet));
        return List.copyOf(bars);
    }

    private static void validate(BigDecimal threshold) {
        Violations violations = new Violations().multiplier("threshold", threshold);
        if (!violations.hasViolationOn("threshold")) {
            violations.check(threshold.compareTo(BigDecimal.ONE) > 0, "threshold", "ABOVE_ONE",
                    "every round reaches 1.00x; a big multiplier is above 1 (got " + threshold.toPlainString() + ")");
        }
        violations.throwIfAny();
    }
}
