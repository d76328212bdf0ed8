package com.crashanalytics.benchmarks.gateway;

/**
 * The shared rate limit's take of a key's tokens ({@code INSERT INTO rate_limit_token_buckets …}). Since changeset
 * 0520 a key that sends steadily has its replica take tokens ahead for the next 100 ms, so how many takes a count of
 * a few requests sees depends on how long the requests took (a dashboard of 76 ms takes for most of them, one of 5 ms
 * for few), not on what they read: a count of what reads cost lists them apart, as it does the gateway's background
 * statements. (The key's look-up, one per request, stays counted.)
 */
public final class RateLimitTakes {

    private RateLimitTakes() {
    }

    /** Whether this statement's text is the shared rate limit's take. */
    public static boolean takes(String statement) {
        return statement.contains("rate_limit_token_buckets");
    }
}
