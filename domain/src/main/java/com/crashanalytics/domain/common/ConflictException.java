package com.crashanalytics.domain.common;

/**
 * The request contradicts what is already stored: a retry of an identity with different content, or a change
 * the current state does not allow (e.g. a round for an ended session). The stored data is unchanged.
 */
public class ConflictException extends DomainException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field whose value conflicts. */
    public String field() {
        return field;
    }
}
