package com.crashanalytics.domain.common;

import java.util.UUID;

/**
 * Outbound port: new row ids, generated before the insert so a batch needs no {@code RETURNING} (which would stop
 * the driver from rewriting it into multi-row inserts). Ids are time-ordered (UUIDv7), so they index well.
 */
public interface IdGenerator {

    UUID newId();
}
