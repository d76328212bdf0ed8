package com.crashanalytics.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The content fingerprint of a request: SHA-256 over a canonical form of what the client submitted, nested
 * items included. A retry of the same identity with the same fingerprint is a duplicate (answered from what is
 * stored, nothing written); with another fingerprint it is a conflict. The canonical form compares numbers by
 * value (10 and 10.00 are the same stake), times as instants, and JSON with its keys sorted, so a client that
 * re-serializes its request differently still retries the same content.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /**
     * @param kind    what is fingerprinted, so two kinds of request never share a fingerprint
     * @param content the submitted fields by input name; values may be strings, numbers, booleans, instants,
     *                enums, {@link JsonDocument}s, lists and maps of these, or null
     */
    public static String of(String kind, Map<String, ?> content) {
        Map<String, @Nullable Object> tree = new LinkedHashMap<>(content.size() * 2);
        tree.put("kind", kind);
        tree.putAll(content);
        return sha256(JsonDocument.canonicalContent(tree));
    }

    private static String sha256(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
