package com.crashanalytics.api.security.limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.crashanalytics.api.error.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds what a client sending a request body slowly can take. Reading a body holds one of the server's worker
 * threads for as long as the body takes to arrive (headers are parsed without one), so a few hundred connections
 * trickling a byte a second took every thread and stalled everyone. Two limits, both before any authentication:
 * a body must arrive within {@code maxTime} (408 otherwise, and the connection is closed), and one address may
 * have at most {@code maxPerAddress} bodies in transit at once (further requests are refused at once, 429). Bodies
 * of honest clients arrive with their headers, in microseconds, so neither limit touches them.
 */
final class BodyUploads {

    private final Limits limits;
    private final ConcurrentHashMap<String, AtomicInteger> inTransit = new ConcurrentHashMap<>();

    BodyUploads(Limits limits) {
        this.limits = limits;
    }

    Limits limits() {
        return limits;
    }

    /** Claims a place for one body from this address; false when it has {@code maxPerAddress} in transit already. */
    boolean tryStart(String address) {
        AtomicInteger count = inTransit.computeIfAbsent(address, any -> new AtomicInteger());
        if (count.incrementAndGet() > limits.maxPerAddress()) {
            finish(address);
            return false;
        }
        return true;
    }

    void finish(String address) {
        inTransit.computeIfPresent(address, (any, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /**
     * Reads the request's body within both limits and the size limit; null when it was refused (the answer is
     * written then: 429 for an address with too many bodies in transit, 408 for a body too slow, 413 too large).
     */
    byte[] readBody(HttpServletRequest request, HttpServletResponse response, long maxBytes, ErrorResponses errors)
            throws IOException {
        String address = request.getRemoteAddr();
        if (!tryStart(address)) {
            errors.tooManyBodies(response, limits.maxPerAddress());
            return null;
        }
        try {
            byte[] body = read(request.getInputStream(), maxBytes);
            if (body.length > maxBytes) {
                errors.tooLarge(response, maxBytes);
                return null;
            }
            return body;
        } catch (TooSlow slow) {
            errors.bodyTooSlow(response, limits.maxTime());
            return null;
        } finally {
            finish(address);
        }
    }

    /**
     * Reads the whole body, at most {@code maxBytes + 1} bytes (so the caller can tell "too large"), within
     * {@code maxTime}: each read returns as soon as bytes arrive (or the connector's read timeout passes), and the
     * deadline is checked between reads.
     */
    byte[] read(InputStream body, long maxBytes) throws IOException {
        long deadline = System.nanoTime() + limits.maxTime().toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long limit = Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
        while (out.size() < limit) {
            int read = body.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            if (System.nanoTime() - deadline > 0) {
                throw new TooSlow(limits.maxTime());
            }
        }
        return out.toByteArray();
    }

    /** The body did not arrive within the limit. */
    static final class TooSlow extends IOException {

        TooSlow(Duration limit) {
            super("the request body did not arrive within " + limit.toSeconds() + " s", null);
        }
    }

    /**
     * {@code gateway.body.*}.
     *
     * @param maxTime       how long a request body may take to arrive, from the first read
     * @param maxPerAddress request bodies one client address may have in transit at once
     */
    @ConfigurationProperties("gateway.body")
    record Limits(Duration maxTime, int maxPerAddress) {

        Limits {
            if (maxTime.isNegative() || maxTime.isZero() || maxPerAddress < 1) {
                throw new IllegalArgumentException("gateway.body: max-time must be positive and max-per-address at"
                        + " least 1, got " + maxTime + " and " + maxPerAddress);
            }
        }
    }
}
