package com.crashanalytics.domain.analytics.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The percentile PostgreSQL's {@code percentile_cont(f) WITHIN GROUP (ORDER BY x)} computes: linear interpolation
 * between the two closest ranks. With the n values sorted ascending as x₀ … x_(n−1) and h = f · (n − 1):
 * {@code x_⌊h⌋ + (h − ⌊h⌋) · (x_⌈h⌉ − x_⌊h⌋)}. Here in exact decimals; PostgreSQL computes it in
 * {@code double precision}, so the two agree to about 1e-15 relative.
 */
public final class ContinuousPercentile {

    private ContinuousPercentile() {
    }

    /**
     * @param ascending the values, sorted ascending, not empty
     * @param fraction  f in [0, 1], e.g. 0.5 for the median
     */
    public static BigDecimal of(List<BigDecimal> ascending, BigDecimal fraction) {
        if (ascending.isEmpty()) {
            throw new IllegalArgumentException("a percentile needs at least one value");
        }
        if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a percentile fraction is in [0, 1], got " + fraction);
        }
        BigDecimal h = fraction.multiply(BigDecimal.valueOf(ascending.size() - 1L));
        int lower = h.setScale(0, RoundingMode.FLOOR).intValueExact();
        BigDecimal weight = h.subtract(BigDecimal.valueOf(lower));
        BigDecimal low = ascending.get(lower);
        if (weight.signum() == 0) {
            return low;
        }
        BigDecimal high = ascending.get(lower + 1);
        return low.add(weight.multiply(high.subtract(low)));
    }

    /**
     * The same percentile of a histogram: n values, {@code countsByValue} of each distinct value (ascending keys), as
     * if the values were listed one by one.
     */
    public static BigDecimal ofCounts(SortedMap<BigDecimal, Long> countsByValue, long n, BigDecimal fraction) {
        if (n <= 0) {
            throw new IllegalArgumentException("a percentile needs at least one value");
        }
        if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a percentile fraction is in [0, 1], got " + fraction);
        }
        BigDecimal h = fraction.multiply(BigDecimal.valueOf(n - 1));
        long lower = h.setScale(0, RoundingMode.FLOOR).longValueExact();
        BigDecimal weight = h.subtract(BigDecimal.valueOf(lower));
        BigDecimal low = valueAtRank(countsByValue, lower);
        if (weight.signum() == 0) {
            return low;
        }
        BigDecimal high = valueAtRank(countsByValue, lower + 1);
        return low.add(weight.multiply(high.subtract(low)));
    }

    /** x_rank of the values listed ascending, 0-based. */
    private static BigDecimal valueAtRank(SortedMap<BigDecimal, Long> countsByValue, long rank) {
        long seen = 0;
        for (Map.Entry<BigDecimal, Long> entry : countsByValue.entrySet()) {
            seen += entry.getValue();
            if (rank < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("rank " + rank + " is beyond the " + seen + " values counted");
    }
}
