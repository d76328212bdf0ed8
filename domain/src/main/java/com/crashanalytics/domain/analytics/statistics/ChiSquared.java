package com.crashanalytics.domain.analytics.statistics;

/** The chi-square distribution, for the p-value of a chi-square goodness-of-fit statistic. */
public final class ChiSquared {

    private ChiSquared() {
    }

    /**
     * P(X ≥ statistic) for X chi-square distributed with {@code degreesOfFreedom} degrees of freedom:
     * Q(df / 2, statistic / 2), the regularized upper incomplete gamma function.
     */
    public static double survival(double statistic, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("a chi-square distribution needs at least 1 degree of freedom");
        }
        if (statistic <= 0) {
            return 1;
        }
        return Gamma.regularizedUpper(degreesOfFreedom / 2.0, statistic / 2.0);
    }
}
