package com.crashanalytics.domain.common;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Collects every broken rule of one input before anything is written, so a client learns all its mistakes
 * from one answer. Field names are the input's own (camelCase), so adapters can point at them.
 */
public final class Violations {

    /** How far ahead of the gateway's clock a client's clock may run before its times are refused. */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);
    /** Crash games are younger than this; an earlier time is a unit mistake (seconds sent as milliseconds...). */
    public static final Instant EARLIEST_TIME = Instant.parse("2000-01-01T00:00:00Z");

    private final List<Violation> found = new ArrayList<>();

    public Violations add(String field, String rule, String message) {
        found.add(new Violation(field, rule, message));
        return this;
    }

    public Violations check(boolean holds, String field, String rule, String message) {
        return holds ? this : add(field, rule, message);
    }

    /**
     * {@link #check(boolean, String, String, String)} whose message is written only if the rule is broken: for rules
     * checked on every logged round whose message formats times or amounts.
     */
    public Violations check(boolean holds, String field, String rule, Supplier<String> message) {
        return holds ? this : add(field, rule, message.get());
    }

    /** Adds violations found in a nested input, e.g. {@code rounds[3]}. */
    public Violations addAllUnder(String parentPath, List<Violation> nested) {
        nested.forEach(v -> found.add(v.under(parentPath)));
        return this;
    }

    /** A required identifier: not blank, no surrounding blanks, no control characters, bounded length. */
    public Violations identifier(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return add(field, "REQUIRED", "must not be blank");
        }
        if (!value.strip().equals(value)) {
            return add(field, "NO_SURROUNDING_WHITESPACE", "must not start or end with whitespace");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return add(field, "NO_CONTROL_CHARACTERS", "must not contain control characters");
        }
        return maxLength(field, value, maxLength);
    }

    /** A lowercase code such as a game or platform code: {@code [a-z0-9][a-z0-9_.-]*}. */
    public Violations code(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return add(field, "REQUIRED", "must not be blank");
        }
        if (!value.matches("[a-z0-9][a-z0-9_.-]*")) {
            return add(field, "LOWERCASE_CODE",
                    "must be a lowercase code of letters, digits, '_', '.' or '-' (got '" + value + "')");
        }
        return maxLength(field, value, maxLength);
    }

    /** Optional free text: may be absent; if present, no NUL characters (PostgreSQL rejects them) and bounded. */
    public Violations text(String field, @Nullable String value, int maxLength) {
        if (value == null) {
            return this;
        }
        if (value.indexOf('\u0000') >= 0) {
            return add(field, "NO_NUL_CHARACTERS", "must not contain NUL (\\u0000) characters");
        }
        return maxLength(field, value, maxLength);
    }

    /** A required amount that may not be negative and must fit the given digits. */
    public Violations requiredAmount(String field, @Nullable BigDecimal value, DecimalLimits limits) {
        if (value == null) {
            return add(field, "REQUIRED", "is required");
        }
        return amount(field, value, limits);
    }

    /** An optional amount: absent, or not negative and within the given digits. */
    public Violations amount(String field, @Nullable BigDecimal value, DecimalLimits limits) {
        if (value == null) {
            return this;
        }
        if (value.signum() < 0) {
            return add(field, "NON_NEGATIVE", "must not be negative (got " + value.toPlainString() + ")");
        }
        return fits(field, value, limits);
    }

    /** An optional signed number within the given digits (a profit or loss). */
    public Violations signed(String field, @Nullable BigDecimal value, DecimalLimits limits) {
        return value == null ? this : fits(field, value, limits);
    }

    /** An optional multiplier: at least 1.00 (a round starts at 1.00x) and within the multiplier digits. */
    public Violations multiplier(String field, @Nullable BigDecimal value) {
        if (value == null) {
            return this;
        }
        if (value.compareTo(BigDecimal.ONE) < 0) {
            return add(field, "MIN_MULTIPLIER", "a multiplier is at least 1.00 (got " + value.toPlainString() + ")");
        }
        return fits(field, value, DecimalLimits.MULTIPLIER);
    }

    /** An optional probability-like score in [0, 1]; NaN and infinities are rejected. */
    public Violations unitInterval(String field, @Nullable Double value) {
        if (value == null) {
            return this;
        }
        if (value.isNaN() || value.isInfinite()) {
            return add(field, "FINITE_NUMBER", "must be a finite number (got " + value + ")");
        }
        return check(value >= 0.0 && value <= 1.0, field, "UNIT_INTERVAL",
                () -> "must be between 0 and 1 (got " + value + ")");
    }

    /** An optional count or duration that may not be negative. */
    public Violations nonNegative(String field, @Nullable Number value) {
        if (value == null) {
            return this;
        }
        return check(value.longValue() >= 0, field, "NON_NEGATIVE", () -> "must not be negative (got " + value + ")");
    }

    /** Optional free-form JSON within {@link JsonDocument}'s limits (size, depth, no NUL, finite numbers). */
    public Violations json(String field, @Nullable JsonDocument document) {
        Violation problem = document == null ? null : document.problemWith(field);
        if (problem != null) {
            found.add(problem);
        }
        return this;
    }

    /**
     * An optional time: at most {@link #MAX_CLOCK_AHEAD} after the request was received (a bot's clock may
     * drift a little; a time further ahead is a bug or a misread) and not before {@link #EARLIEST_TIME}.
     */
    public Violations time(String field, @Nullable Instant value, Instant receivedAt) {
        if (value == null) {
            return this;
        }
        if (value.isAfter(receivedAt.plus(MAX_CLOCK_AHEAD))) {
            return add(field, "NOT_IN_FUTURE", "must not be more than " + MAX_CLOCK_AHEAD.toMinutes()
                    + " minutes in the future (got " + value + ", received at " + receivedAt + ")");
        }
        return check(!value.isBefore(EARLIEST_TIME), field, "NOT_BEFORE_2000",
                () -> "must not be before " + EARLIEST_TIME + " (got " + value + ")");
    }

    /** Another list's violations, as they are (for rules checked in several steps). */
    public Violations addAll(List<Violation> more) {
        found.addAll(more);
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Whether a rule on this field already failed (so rules that build on it are skipped). */
    public boolean hasViolationOn(String field) {
        for (Violation violation : found) {
            if (violation.field().equals(field)) {
                return true;
            }
        }
        return false;
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Throws {@link InvalidInputException} carrying every violation found, if any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }

    private Violations maxLength(String field, String value, int maxLength) {
        return check(value.length() <= maxLength, field, "MAX_LENGTH",
                "must be at most " + maxLength + " characters (got " + value.length() + ")");
    }

    private Violations fits(String field, BigDecimal value, DecimalLimits limits) {
        String problem = limits.problemWith(value);
        return problem == null ? this : add(field, "PRECISION", problem);
    }
}
