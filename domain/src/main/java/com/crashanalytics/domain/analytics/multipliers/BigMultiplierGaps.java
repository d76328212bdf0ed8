package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import com.crashanalytics.domain.common.Ratios;
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
        SortedMap<Long, Long> gaps = new TreeMap<>();
        Long firstHit = null;
        Long lastHit = null;
        long hits = 0;
        for (int position = 0; position < crashes.size(); position++) {
            if (crashes.get(position).compareTo(threshold) >= 0) {
                if (lastHit != null) {
                    gaps.merge(position - lastHit, 1L, Long::sum);
                } else {
                    firstHit = (long) position;
                }
                lastHit = (long) position;
                hits++;
            }
        }
        return of(new GapTally(crashes.size(), hits, firstHit, lastHit, gaps), threshold, theory);
    }

    /** The same figures from a {@link GapTally} (what SQL counts): exactly what {@link #of(List, BigDecimal,
     * CrashPointDistribution)} gives for the series tallied. */
    public static BigMultiplierGaps of(GapTally tally, BigDecimal threshold, CrashPointDistribution theory) {
        validate(threshold);
        long n = tally.rounds();
        double p = theory.probabilityAtLeast(threshold);
        Long lastHit = tally.lastHitPosition();
        Long firstHit = tally.firstHitPosition();
        long currentGap = lastHit == null ? n : n - 1 - lastHit;
        long gapCount = tally.gapCounts().values().stream().mapToLong(Long::longValue).sum();
        Long longest = tally.gapCounts().isEmpty() ? null : tally.gapCounts().lastKey();
        return new BigMultiplierGaps(
                threshold,
                n,
                tally.hits(),
                Ratios.fraction(tally.hits(), n),
                p,
                currentGap,
                Math.pow(1 - p, currentGap),
                longest,
                gapCount == 0 || firstHit == null ? null
                        : Ratios.averageStatistic(BigDecimal.valueOf(lastHit - firstHit), gapCount),
                1 / p,
                longest == null ? List.of() : histogram(tally.gapCounts(), gapCount, longest, p));
    }

    private static List<GapCount> histogram(SortedMap<Long, Long> observed, long total, long longest, double p) {
        List<GapCount> bars = new ArrayList<>();
        double noHitYet = 1; // (1 − p)^(k−1): the chance a gap is at least k
        for (long k = 1; k <= longest; k++) {
            bars.add(new GapCount(k, k, observed.getOrDefault(k, 0L), total * noHitYet * p));
            noHitYet *= 1 - p;
        }
        bars.add(new GapCount(longest + 1, null, 0, total * noHitYet));
        return List.copyOf(bars);
    }

    /** Rejects a threshold that is not a multiplier above 1, under the argument name {@code threshold}. */
    public static void validateThreshold(BigDecimal threshold) {
        validate(threshold);
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
