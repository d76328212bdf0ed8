package com.crashanalytics.domain.analytics.statistics;

/**
 * The Kolmogorov distribution: the limit law of √n · D_n, where D_n is the Kolmogorov–Smirnov statistic of n
 * observations from a continuous distribution.
 */
public final class Kolmogorov {

    /** Below this λ the alternating series converges slowly; the theta-function form converges fast there. */
    private static final double SERIES_SWITCH = 1.18;
    private static final double EPSILON = 1e-17;

    private Kolmogorov() {
    }

    /**
     * Q(λ) = P(K > λ) = 2 Σ_{k≥1} (−1)^(k−1) e^(−2 k² λ²), computed for λ &lt; 1.18 from the equivalent
     * 1 − (√(2π) / λ) Σ_{k≥1} e^(−(2k−1)² π² / (8 λ²)), which converges fast where the first does not.
     */
    public static double survival(double lambda) {
        if (Double.isNaN(lambda)) {
            throw new IllegalArgumentException("lambda must be a number");
        }
        if (lambda <= 0) {
            return 1;
        }
        if (lambda < SERIES_SWITCH) {
            return 1 - cumulativeByThetaSeries(lambda);
        }
        double sum = 0;
        for (int k = 1; k < 1_000; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1) ? term : -term;
            if (term < EPSILON) {
                break;
            }
        }
        return Math.min(1, Math.max(0, 2 * sum));
    }

    private static double cumulativeByThetaSeries(double lambda) {
        double factor = -Math.PI * Math.PI / (8 * lambda * lambda);
        double sum = 0;
        for (int k = 1; k < 1_000; k++) {
            double odd = 2.0 * k - 1;
            double term = Math.exp(factor * odd * odd);
            sum += term;
            if (term < EPSILON * sum) {
                break;
            }
        }
        return Math.sqrt(2 * Math.PI) / lambda * sum;
    }
}
