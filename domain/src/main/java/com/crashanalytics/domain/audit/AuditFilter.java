package com.crashanalytics.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.common.paging.ListFilter;
import org.jspecify.annotations.Nullable;

/**
 * What narrows the audit history down: one kind of entity, one entity (by its id, with or without the kind), the
 * changes made with one API key (its id as a client sends it), a time window ({@code from} inclusive, {@code to}
 * exclusive).
 */
public record AuditFilter(@Nullable AuditedEntity entity, @Nullable String entityId, @Nullable String keyId,
                          @Nullable Instant from, @Nullable Instant to) implements ListFilter {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

    /** Long enough for every audited id: a platform's {@code gameName/platformCode}, a UUID, a bot id. */
    public static final int MAX_ENTITY_ID_LENGTH = 200;

    @Override
    public List<Violation> violations() {
        Violations violations = new Violations();
        if (entityId != null) {
            violations.text("entityId", entityId, MAX_ENTITY_ID_LENGTH);
        }
        if (keyId != null) {
            violations.check(parsedKey() != null, "keyId", "UUID",
                    "must be the id of an API key, a UUID (got '" + keyId + "')");
        }
        return ListFilter.checkWindow(violations, from, to).list();
    }

    /** The key criterion as an id; null when none is given. Only for a filter whose violations are none. */
    public @Nullable UUID key() {
        return keyId == null ? null : parsedKey();
    }

    private @Nullable UUID parsedKey() {
        try {
            return keyId == null ? null : UUID.fromString(keyId.strip());
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
