package com.crashanalytics.domain.analytics.statistics;

/**
 * The log-gamma function and the regularized incomplete gamma functions, enough for chi-square p-values.
 * Accurate to about 1e-14 relative for the arguments a chi-square test produces (a = df / 2 in [0.5, a few
 * hundred], x ≥ 0).
 */
public final class Gamma {

    /** Lanczos coefficients for g = 7, n = 9 (as in Numerical Recipes' and Boost's tables). */
    private static final double[] LANCZOS = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double EPSILON = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;

    private Gamma() {
    }

    /** ln Γ(x) for x > 0. */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
        }
        if (x < 1) {
            // Γ(x) = Γ(x + 1) / x keeps the Lanczos sum where it is accurate (argument ≥ 1).
            return logGamma(x + 1) - Math.log(x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** P(a, x) = γ(a, x) / Γ(a), the regularized lower incomplete gamma function; a > 0, x ≥ 0. */
    public static double regularizedLower(double a, double x) {
        checkArguments(a, x);
        if (x == 0) {
            return 0;
        }
        return x < a + 1 ? lowerBySeries(a, x) : 1 - upperByContinuedFraction(a, x);
    }

    /**
     * Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x), the regularized upper incomplete gamma function; a > 0, x ≥ 0.
     * Computed directly in the tail (not as 1 − P) so that small p-values keep their digits.
     */
    public static double regularizedUpper(double a, double x) {
        checkArguments(a, x);
        if (x == 0) {
            return 1;
        }
        return x < a + 1 ? 1 - lowerBySeries(a, x) : upperByContinuedFraction(a, x);
    }

    /** P(a, x) = x^a e^−x / Γ(a + 1) · Σ x^n / ((a + 1)…(a + n)); converges fast for x < a + 1. */
    private static double lowerBySeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
            }
        }
        throw new ArithmeticException("incomplete gamma series did not converge for a=" + a + ", x=" + x);
    }

    /** Q(a, x) by its continued fraction, evaluated with the modified Lentz method; for x ≥ a + 1. */
    private static double upperByContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
            }
        }
        throw new ArithmeticException("incomplete gamma continued fraction did not converge for a=" + a + ", x=" + x);
    }

    private static void checkArguments(double a, double x) {
        if (!(a > 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("the incomplete gamma function needs a > 0, got " + a);
        }
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("the incomplete gamma function needs a finite x ≥ 0, got " + x);
        }
    }
}
