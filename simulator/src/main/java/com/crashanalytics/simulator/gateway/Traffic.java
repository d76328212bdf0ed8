package com.crashanalytics.simulator.gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients sharing it sent: requests per operation, and retries per reason. Thread-safe, so every bot's
 * client can count into one.
 */
public final class Traffic {

    /** Why a request was sent again. */
    public enum RetryReason {
        /** The gateway answered TOO_MANY_REQUESTS: nothing ran; sent again after the wait it asked for. */
        RATE_LIMITED,
        /** The gateway answered UNAVAILABLE (its database was away): sent again after the wait it asked for. */
        UNAVAILABLE,
        /** No answer (a network error or a timeout): the same request again, which the gateway recognises. */
        NO_ANSWER,
        /** The gateway (or a proxy before it) failed: the same request again. */
        SERVER_ERROR
    }

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<RetryReason, LongAdder> retries = new ConcurrentHashMap<>();
    private final LongAdder rateLimitWaitMillis = new LongAdder();

    void sent(String operation) {
        requests.computeIfAbsent(operation, name -> new LongAdder()).increment();
    }

    void retried(RetryReason reason) {
        retries.computeIfAbsent(reason, name -> new LongAdder()).increment();
    }

    void waitedForRateLimit(long millis) {
        rateLimitWaitMillis.add(millis);
    }

    /** Requests sent per operation (retries included), by operation name. */
    public Map<String, Long> requests() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long retries(RetryReason reason) {
        LongAdder count = retries.get(reason);
        return count == null ? 0 : count.sum();
    }

    public long rateLimitWaitMillis() {
        return rateLimitWaitMillis.sum();
    }
}
