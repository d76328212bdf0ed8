package com.crashanalytics.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Derives independent, reproducible seeds from one master seed and a label path (bot, session, purpose), so a
 * whole simulation replays from a single number and changing one bot's settings does not shift another's dice.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A 64-bit seed for a random generator. */
    public static long derive(long master, Object... labels) {
        return ByteBuffer.wrap(digest(master, labels)).getLong();
    }

    /** A 64-hex-digit secret, e.g. a provably fair server seed. */
    public static String deriveHex(long master, Object... labels) {
        return HexFormat.of().formatHex(digest(master, labels));
    }

    private static byte[] digest(long master, Object... labels) {
        StringBuilder path = new StringBuilder(Long.toString(master));
        for (Object label : labels) {
            path.append('/').append(label);
        }
        return sha256(path.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
