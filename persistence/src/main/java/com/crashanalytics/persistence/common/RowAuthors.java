package com.crashanalytics.persistence.common;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The key that wrote each row ({@code written_by_key_id}), by the round the row belongs to: single rounds from
 * several requests may be written in one statement, each round's rows naming its own request's key.
 */
@FunctionalInterface
public interface RowAuthors {

    /** The key that wrote the rows of this round (null round id: a row of no round yet), or null for none. */
    @Nullable UUID ofRound(@Nullable UUID roundId);

    /** Every row written by the same key (or none). */
    static RowAuthors all(@Nullable UUID keyId) {
        return roundId -> keyId;
    }
}
