package com.crashanalytics.domain.common;

import java.util.UUID;

/** {@link IdGenerator} that counts: ids a test can predict and that sort in the order they were made. */
public final class SequentialIds implements IdGenerator {

    private long next = 1;

    @Override
    public synchronized UUID newId() {
        return new UUID(0, next++);
    }
}
