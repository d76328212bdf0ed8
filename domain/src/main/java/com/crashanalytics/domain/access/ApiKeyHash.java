package com.crashanalytics.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 of a key: all the gateway stores. A key has 256 random bits, so a plain (unsalted, fast) hash is
 * enough: there is no dictionary to attack, and a fast hash keeps authentication off the request's critical path.
 */
public final class ApiKeyHash {

    public static final int LENGTH = 32;

    private final byte[] bytes;

    private ApiKeyHash(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 hash has 32 bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** The hash of a key as presented by a client. */
    public static ApiKeyHash of(String key) {
        try {
            return new ApiKeyHash(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A hash as stored. */
    public static ApiKeyHash fromBytes(byte[] bytes) {
        return new ApiKeyHash(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Constant-time comparison: how long it takes says nothing about how many bytes matched. */
    public boolean matches(ApiKeyHash other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeyHash hash && matches(hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "sha256:" + HexFormat.of().formatHex(bytes, 0, 4) + "…";
    }
}
