package com.crashanalytics.domain.common.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A position in a list: the sort key of a row, in the list's order and direction. Clients see it as an opaque token
 * (URL-safe base64) and hand it back as {@code after}; the token names its order and direction, so a cursor from
 * another list, another direction, or an altered one is refused instead of silently answering the wrong page.
 *
 * @param key the key's parts, typed as the order says: {@link Instant}, {@link Long} or {@link UUID}
 */
public record Cursor(SortOrder order, SortDirection direction, List<Object> key) {

    static final String SEPARATOR = ":";
    private static final int MAX_ENCODED_LENGTH = 500;

    public Cursor {
        key = List.copyOf(key);
        if (key.size() != order.parts().size()) {
            throw new IllegalArgumentException("order " + order.name() + " has a key of " + order.parts().size()
                    + " parts, got " + key.size());
        }
        for (int i = 0; i < key.size(); i++) {
            Class<?> expected = switch (order.parts().get(i)) {
                case TIME -> Instant.class;
                case NUMBER -> Long.class;
                case UUID -> UUID.class;
            };
            if (!expected.isInstance(key.get(i))) {
                throw new IllegalArgumentException("part " + i + " of order " + order.name() + " is a "
                        + expected.getSimpleName() + ", got " + key.get(i));
            }
        }
    }

    /** The token a client sees. Times are written as epoch microseconds, PostgreSQL's precision. */
    public String encode() {
        StringBuilder text = new StringBuilder(order.name()).append(SEPARATOR).append(direction.name());
        for (Object part : key) {
            text.append(SEPARATOR).append(part instanceof Instant time ? Long.toString(micros(time)) : part.toString());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token back for a list of this order and direction.
     *
     * @throws IllegalArgumentException when it is not a token of this list (another order or direction, altered,
     *                                  or not a token at all); the message says which
     */
    public static Cursor decode(String token, SortOrder order, SortDirection direction) {
        if (token.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("is too long to be a cursor");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("is not a cursor (cursors are the opaque tokens a page answers)");
        }
        String[] fields = text.split(SEPARATOR, -1);
        if (fields.length != order.parts().size() + 2) {
            throw new IllegalArgumentException("is not a cursor of this list");
        }
        if (!fields[0].equals(order.name())) {
            throw new IllegalArgumentException("is a cursor of another list");
        }
        if (!fields[1].equals(direction.name())) {
            throw new IllegalArgumentException("is a cursor of this list in the other direction; page with the "
                    + "direction it came from");
        }
        List<Object> key = new ArrayList<>(order.parts().size());
        try {
            for (int i = 0; i < order.parts().size(); i++) {
                String part = fields[i + 2];
                key.add(switch (order.parts().get(i)) {
                    case TIME -> Instant.EPOCH.plus(Long.parseLong(part), ChronoUnit.MICROS);
                    case NUMBER -> Long.parseLong(part);
                    case UUID -> UUID.fromString(part);
                });
            }
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("is not a cursor of this list (it was altered)");
        }
        return new Cursor(order, direction, key);
    }

    public Instant time(int part) {
        return (Instant) key.get(part);
    }

    public long number(int part) {
        return (Long) key.get(part);
    }

    public UUID uuid(int part) {
        return (UUID) key.get(part);
    }

    private static long micros(Instant time) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, time);
    }
}
