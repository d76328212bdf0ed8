package com.crashanalytics.persistence.coordination;

import java.time.Duration;

import com.crashanalytics.domain.access.SharedTokenBuckets;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every replica's token buckets as rows of {@code rate_limit_token_buckets} (changesets 0430 and 0520), tokens taken
 * in one autocommitted statement: the insert creates a bucket full (less what it takes), and on conflict the update
 * puts back what the replica returns, refills the row for the time since its last refill and takes what it may, under
 * the row's lock, so two replicas never both spend the last token. One round trip per take, where Bucket4j's
 * select-for-update transaction took three or four; the table is unlogged, so the commit waits for no WAL flush.
 *
 * <p>A take gets one token when the bucket holds one, and up to the tokens wanted while the bucket keeps at least
 * half its capacity after them: a replica takes ahead only while the key is far from its limit.
 *
 * <p>Hand-written rather than a Bucket4j proxy manager because every one of those reads the bucket's serialised
 * state into the JVM and writes it back (a lock and two statements, or a compare-and-swap and a retry): the
 * arithmetic of a greedy token bucket is a few lines of SQL, done where the row is. Time is PostgreSQL's clock,
 * one for every replica; a refill never goes back in time if a replica's statement waited for the lock.
 */
public class JdbcSharedTokenBuckets implements SharedTokenBuckets {

    private static final String TAKE = """
            INSERT INTO rate_limit_token_buckets AS bucket (id, tokens, refilled_at, granted, taken)
            VALUES (:bucket, :capacity - :takenFromFull, clock_timestamp(), true, :takenFromFull)
            ON CONFLICT (id) DO UPDATE SET (tokens, refilled_at, granted, taken) = (
                SELECT refilled.tokens - taking.tokens, refilled.at, taking.tokens >= 1, taking.tokens
                FROM (SELECT least(:capacity, bucket.tokens + :returned + :perSecond * greatest(0, CAST(
                                 extract(epoch FROM excluded.refilled_at - bucket.refilled_at) AS double precision)))
                                 AS tokens,
                             greatest(bucket.refilled_at, excluded.refilled_at) AS at) AS refilled,
                     LATERAL (SELECT CAST(CASE WHEN refilled.tokens < 1 THEN 0
                                               ELSE 1 + greatest(0, least(:wanted - 1,
                                                        floor(refilled.tokens - 1 - :capacity / 2))) END
                                          AS bigint) AS tokens) AS taking)
            RETURNING taken, tokens
            """;

    private final JdbcClient jdbc;

    public JdbcSharedTokenBuckets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TokenGrant take(String bucket, long capacity, Duration refillPeriod, long wanted, long returned) {
        double perSecond = capacity / (refillPeriod.toNanos() / 1e9);
        return jdbc.sql(TAKE)
                .param("bucket", bucket)
                .param("capacity", (double) capacity)
                .param("perSecond", perSecond)
                .param("wanted", (double) wanted)
                .param("returned", (double) returned)
                .param("takenFromFull", (double) takenFromFull(capacity, wanted))
                .query((row, number) -> {
                    long taken = row.getLong("taken");
                    return new TokenGrant(taken, taken > 0 ? Duration.ZERO
                            : untilOneToken(row.getDouble("tokens"), perSecond));
                })
                .single();
    }

    /** What a take gets from a new (full) bucket, by the update's rule. */
    private static long takenFromFull(long capacity, long wanted) {
        return 1 + Math.max(0, Math.min(wanted - 1, (long) Math.floor(capacity - 1 - capacity / 2.0)));
    }

    /** How long the bucket takes to refill from {@code tokens} to one whole token. */
    private static Duration untilOneToken(double tokens, double perSecond) {
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
    }
}
