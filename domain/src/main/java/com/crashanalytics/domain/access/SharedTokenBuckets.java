package com.crashanalytics.domain.access;

import java.time.Duration;

/**
 * Outbound port: token buckets that every gateway replica takes from, so that a key gets its allowance once however
 * many replicas it talks to. A bucket holds at most {@code capacity} tokens, is created full, and refills evenly at
 * {@code capacity} per {@code refillPeriod}; each request spends one.
 */
public interface SharedTokenBuckets {

    /**
     * Takes tokens from the bucket, atomically with every other replica's takes: one, and up to {@code wanted} in
     * all while the bucket keeps at least half its capacity after the take (a replica may take a few ahead only
     * while the key is far from its limit); none when the bucket holds less than one, and then how long until it
     * holds one. {@code returned} tokens, taken earlier by this replica and left unspent, go back into the bucket
     * first (never above its capacity).
     */
    TokenGrant take(String bucket, long capacity, Duration refillPeriod, long wanted, long returned);

    /** Tokens taken from a bucket ({@code tokens} ≥ 1), or none and how long until it holds one again. */
    record TokenGrant(long tokens, Duration untilNextToken) {

        public TokenGrant {
            if (tokens < 0) {
                throw new IllegalArgumentException("a grant takes no tokens or some, not " + tokens);
            }
        }

        public boolean granted() {
            return tokens > 0;
        }
    }
}
