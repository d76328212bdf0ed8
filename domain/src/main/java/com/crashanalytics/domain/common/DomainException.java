package com.crashanalytics.domain.common;

/** Base of the exceptions a use case throws on purpose; adapters map each kind to a client-facing error. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
