package com.crashanalytics.domain.common;

/** Something the input refers to does not exist (an unknown bot, session, platform...). */
public class NotFoundException extends DomainException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field that named the missing thing. */
    public String field() {
        return field;
    }
}
