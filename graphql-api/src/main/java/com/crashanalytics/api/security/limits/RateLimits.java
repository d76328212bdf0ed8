package com.crashanalytics.api.security.limits;

import java.time.Duration;

import com.crashanalytics.domain.access.ApiKeyRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;

/**
 * How many requests a key of each role may send ({@code gateway.rate-limit.*}), written {@code requests/period},
 * e.g. {@code 100/5s}: at most 100 at once, refilled at 100 per 5 seconds. Each key has its own allowance.
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimits(String admin, String bot, String dashboard, String predictor, String metrics) {

    public RateLimits {
        for (String allowance : new String[] {admin, bot, dashboard, predictor, metrics}) {
            Allowance.parse(allowance);
        }
    }

    public Allowance of(ApiKeyRole role) {
        return Allowance.parse(switch (role) {
            case ADMIN -> admin;
            case BOT -> bot;
            case DASHBOARD -> dashboard;
            case PREDICTOR -> predictor;
            case METRICS -> metrics;
        });
    }

    /** At most {@code requests} in a burst, refilled evenly at {@code requests} per {@code period}. */
    public record Allowance(long requests, Duration period) {

        public static Allowance parse(String text) {
            int slash = text == null ? -1 : text.indexOf('/');
            try {
                if (slash > 0) {
                    Allowance allowance = new Allowance(Long.parseLong(text.substring(0, slash).strip()),
                            DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
                    if (allowance.requests() > 0 && !allowance.period().isNegative() && !allowance.period().isZero()) {
                        return allowance;
                    }
                }
            } catch (IllegalArgumentException e) {
                // reported below with the expected form
            }
            throw new IllegalArgumentException("a rate limit is written requests/period, e.g. 100/5s or 6000/1m; got '"
                    + text + "'");
        }
    }
}
