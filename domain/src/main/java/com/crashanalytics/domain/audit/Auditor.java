package com.crashanalytics.domain.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crashanalytics.domain.common.JsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * Writes a configuration change into the audit trail, inside the use case's transaction: the author from the
 * request's API key ({@link Authorship}), the time from the clock, and the entity before and after as JSON, taken
 * from its record components (times as ISO-8601 text, ids as text, enums by name, nested records as objects), so a
 * field added to an entity is audited without anyone remembering to.
 */
public final class Auditor {

    private final AuditTrail trail;
    private final Authorship authorship;
    private final Clock clock;

    public Auditor(AuditTrail trail, Authorship authorship, Clock clock) {
        this.trail = trail;
        this.authorship = authorship;
        this.clock = clock;
    }

    public void created(AuditedEntity entity, String entityId, Record after) {
        record(entity, entityId, AuditAction.CREATED, null, after);
    }

    public void updated(AuditedEntity entity, String entityId, Record before, Record after) {
        record(entity, entityId, AuditAction.UPDATED, before, after);
    }

    public void revoked(AuditedEntity entity, String entityId, Record before, Record after) {
        record(entity, entityId, AuditAction.REVOKED, before, after);
    }

    public void deleted(AuditedEntity entity, String entityId, Record before) {
        record(entity, entityId, AuditAction.DELETED, before, null);
    }

    private void record(AuditedEntity entity, String entityId, AuditAction action, @Nullable Record before,
                        @Nullable Record after) {
        trail.append(new AuditedChange(0, entity, entityId, action, authorship.currentKeyId().orElse(null), null,
                clock.instant(), snapshot(before), snapshot(after)));
    }

    /** The record as a JSON document; null for none. */
    static @Nullable JsonDocument snapshot(@Nullable Record entity) {
        return entity == null ? null : JsonDocument.of(tree(entity));
    }

    private static @Nullable Object tree(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof Record record) {
            Map<String, @Nullable Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                fields.put(component.getName(), tree(read(component, record)));
            }
            return fields;
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(tree(item)));
            return items;
        }
        if (value instanceof JsonDocument document) {
            return document.tree();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof TemporalAccessor || value instanceof UUID) {
            return value.toString();
        }
        throw new IllegalArgumentException("cannot audit a " + value.getClass().getName() + " as JSON");
    }

    private static @Nullable Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), unreadable);
        }
    }
}
