package com.crashanalytics.persistence.common;

import java.util.UUID;

import com.crashanalytics.domain.common.IdGenerator;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Time-ordered UUIDv7 ids (RFC 9562): unique without a round trip, and they index in insertion order. */
public class UuidV7Generator implements IdGenerator {

    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    @Override
    public UUID newId() {
        return generator.generate();
    }
}
