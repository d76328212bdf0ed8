package com.crashanalytics.persistence.coordination;

import java.time.Duration;
import java.util.Optional;

import com.crashanalytics.domain.access.SharedTokenBuckets;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every replica's token buckets as rows of {@code rate_limit_token_buckets} (changeset 0430), a token taken in one
 * autocommitted statement: the insert creates a bucket full (less the token it takes), and on conflict the update
 * refills the existing row for the time since its last refill and takes a token if there is one, under the row's
 * lock, so two replicas never both spend the last token. One round trip per request, where Bucket4j's
 * select-for-update transaction took three or four; the table is unlogged, so the commit waits for no WAL flush.
 *
 * <p>Hand-written rather than a Bucket4j proxy manager because every one of those reads the bucket's serialised
 * state into the JVM and writes it back (a lock and two statements, or a compare-and-swap and a retry): the
 * arithmetic of a greedy token bucket is a few lines of SQL, done where the row is. Time is PostgreSQL's clock,
 * one for every replica; a refill never goes back in time if a replica's statement waited for the lock.
 */
public class JdbcSharedTokenBuckets implements SharedTokenBuckets {

    private static final String TAKE_ONE = """
            INSERT INTO rate_limit_token_buckets AS bucket (id, tokens, refilled_at, granted)
            VALUES (:bucket, :capacity - 1, clock_timestamp(), true)
            ON CONFLICT (id) DO UPDATE SET (tokens, refilled_at, granted) = (
                SELECT CASE WHEN refilled.tokens >= 1 THEN refilled.tokens - 1 ELSE refilled.tokens END,
                       refilled.at,
                       refilled.tokens >= 1
                FROM (SELECT least(:capacity, bucket.tokens + :perSecond * greatest(0, CAST(
                                 extract(epoch FROM excluded.refilled_at - bucket.refilled_at) AS double precision)))
                                 AS tokens,
                             greatest(bucket.refilled_at, excluded.refilled_at) AS at) AS refilled)
            RETURNING granted, tokens
            """;

    private final JdbcClient jdbc;

    public JdbcSharedTokenBuckets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Duration> takeOne(String bucket, long capacity, Duration refillPeriod) {
        double perSecond = capacity / (refillPeriod.toNanos() / 1e9);
        return jdbc.sql(TAKE_ONE)
                .param("bucket", bucket)
                .param("capacity", (double) capacity)
                .param("perSecond", perSecond)
                .query((row, number) -> row.getBoolean("granted")
                        ? Optional.<Duration>empty()
                        : Optional.of(untilOneToken(row.getDouble("tokens"), perSecond)))
                .single();
    }

    /** How long the bucket takes to refill from {@code tokens} to one whole token. */
    private static Duration untilOneToken(double tokens, double perSecond) {
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
    }
}
