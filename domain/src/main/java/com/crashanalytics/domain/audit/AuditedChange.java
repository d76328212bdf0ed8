package com.crashanalytics.domain.audit;

import java.time.Instant;
import java.util.UUID;

import com.crashanalytics.domain.common.JsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * One change of the history: which entity, what happened to it, who did it (the API key; null for the gateway's own
 * work), when, and the entity as it was before and after (null before a creation and after a deletion).
 *
 * @param id       the change's number, in the order the history stored them (0 until stored)
 * @param keyLabel the label of the key that made the change, as the key registry knows it now (null when none)
 */
public record AuditedChange(
        long id,
        AuditedEntity entity,
        String entityId,
        AuditAction action,
        @Nullable UUID keyId,
        @Nullable String keyLabel,
        Instant changedAt,
        @Nullable JsonDocument before,
        @Nullable JsonDocument after) {
}
