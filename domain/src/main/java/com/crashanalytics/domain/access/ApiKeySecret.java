package com.crashanalytics.domain.access;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key itself, as a client sends it: {@code cag_} followed by 256 random bits in URL-safe Base64 (43
 * characters). It exists only in memory, once, when issued; what is stored is its {@link ApiKeyHash}.
 * {@link #toString()} never shows it, so a stray log line cannot leak it.
 */
public final class ApiKeySecret {

    /** Makes the gateway's keys recognisable (e.g. by secret scanners) and tells them apart from other tokens. */
    public static final String PREFIX = "cag_";
    /** 32 bytes = 256 bits of entropy; the issue asks for at least 128. */
    static final int RANDOM_BYTES = 32;
    /** How many characters of a key are kept in clear so people can tell keys apart: {@code cag_} + 8. */
    static final int VISIBLE_CHARACTERS = PREFIX.length() + 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private ApiKeySecret(String value) {
        this.value = value;
    }

    /** A new random key. */
    public static ApiKeySecret generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new ApiKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The key as the client must send it. Call only to hand it to its owner, once. */
    public String reveal() {
        return value;
    }

    public ApiKeyHash hash() {
        return ApiKeyHash.of(value);
    }

    /** The first characters, safe to store and show: enough to recognise a key, far too few to use it. */
    public String visiblePrefix() {
        return value.substring(0, VISIBLE_CHARACTERS);
    }

    @Override
    public String toString() {
        return visiblePrefix() + "…";
    }
}
